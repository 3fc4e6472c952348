using Allot.Import.Values;

namespace Allot.Import.Tests.Values;

public sealed class ValueParserTests
{
    [Theory]
    [InlineData("2023-08-18", 2023, 8, 18)]
    [InlineData("2023-08-18 16:16:00", 2023, 8, 18)]
    [InlineData("2023-08-18T16:16:00", 2023, 8, 18)]
    [InlineData("2011-03-10 16:16", 2011, 3, 10)]
    [InlineData("2023/8/18", 2023, 8, 18)]
    [InlineData("2023.8.18", 2023, 8, 18)]
    [InlineData("8/18/2023", 2023, 8, 18)]
    [InlineData("8-18-2023", 2023, 8, 18)]
    [InlineData("11/8/2016", 2016, 11, 8)]
    [InlineData("20230818", 2023, 8, 18)]
    [InlineData("2023年8月18日", 2023, 8, 18)]
    [InlineData("2023年08月18日 16:16", 2023, 8, 18)]
    [InlineData("２０２３－０８－１８", 2023, 8, 18)]
    [InlineData("２０２３年８月１８日", 2023, 8, 18)]
    [InlineData("  2024-02-29  ", 2024, 2, 29)]
    public void TryParseDate_AcceptedForm_Parsed(string text, int y, int m, int d)
    {
        Assert.True(ValueParser.TryParseDate(text, out var date));
        Assert.Equal(new DateOnly(y, m, d), date);
    }

    [Theory]
    [InlineData("")]
    [InlineData("NA")]
    [InlineData("2023-02-30")]
    [InlineData("2023-02-29")]
    [InlineData("2023-13-01")]
    [InlineData("18/8/2023")]
    [InlineData("2023-08")]
    [InlineData("2023-08/18")]
    [InlineData("2023-08-18x")]
    [InlineData("20230230")]
    [InlineData("123")]
    [InlineData("2023年8月")]
    public void TryParseDate_NotADate_False(string text)
    {
        Assert.False(ValueParser.TryParseDate(text, out _));
    }

    [Theory]
    [InlineData("1234.5", "1234.5")]
    [InlineData("1,234.50", "1234.50")]
    [InlineData("-12", "-12")]
    [InlineData("(1,234.00)", "-1234.00")]
    [InlineData("¥1,234", "1234")]
    [InlineData("$ 12.50", "12.50")]
    [InlineData("£7", "7")]
    [InlineData("7 €", "7")]
    [InlineData("￥88", "88")]
    [InlineData("RMB 100", "100")]
    [InlineData("100CNY", "100")]
    [InlineData("usd 3.25", "3.25")]
    [InlineData("-$12", "-12")]
    [InlineData("$-12", "-12")]
    [InlineData("1200元", "1200")]
    [InlineData("１２３４．５", "1234.5")]
    [InlineData("－１，２３４", "-1234")]
    [InlineData("  42  ", "42")]
    [InlineData("1.5E3", "1500")]
    [InlineData("2.5e-2", "0.025")]
    [InlineData("22.200000000000003", "22.200000000000003")]
    [InlineData("12%", "0.12")]
    [InlineData("+3", "3")]
    [InlineData(".5", "0.5")]
    [InlineData("12,345,678", "12345678")]
    public void TryParseDecimal_AcceptedForm_Parsed(string text, string expected)
    {
        Assert.True(ValueParser.TryParseDecimal(text, out var value));
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("NA")]
    [InlineData("abc")]
    [InlineData("1.2.3")]
    [InlineData("1,23")]
    [InlineData(",123")]
    [InlineData("1.234,5")]
    [InlineData("12abc")]
    [InlineData("-")]
    [InlineData("$")]
    [InlineData("1E")]
    [InlineData("1e999")]
    public void TryParseDecimal_NotANumber_False(string text)
    {
        Assert.False(ValueParser.TryParseDecimal(text, out _));
    }

    [Theory]
    [InlineData("954.15")]
    [InlineData("1.50")]
    [InlineData("0.00")]
    [InlineData("-0.00")]
    [InlineData("-262.07")]
    [InlineData("007")]
    [InlineData("0")]
    [InlineData("99999999999999.9999")]
    [InlineData("123456789012345678")]
    [InlineData("1234567890123456789")]
    [InlineData("-0.000000000000000001")]
    public void TryParseDecimal_PlainForm_SameBitsAsDecimalParse(string text)
    {
        // Scale and sign included: what decimal.Parse gives for the digits, negated for a leading minus.
        bool negative = text.StartsWith('-');
        decimal expected = decimal.Parse(negative ? text[1..] : text, System.Globalization.CultureInfo.InvariantCulture);
        if (negative) expected = -expected;
        Assert.True(ValueParser.TryParseDecimal(text, out var value));
        Assert.Equal(decimal.GetBits(expected), decimal.GetBits(value));
    }

    [Theory]
    [InlineData("0001-01-01", 1, 1, 1)]
    [InlineData("9999-12-31", 9999, 12, 31)]
    [InlineData("2000-02-29", 2000, 2, 29)]
    public void TryParseDate_IsoEdges_Parsed(string text, int y, int m, int d)
    {
        Assert.True(ValueParser.TryParseDate(text, out var date));
        Assert.Equal(new DateOnly(y, m, d), date);
    }

    [Theory]
    [InlineData("0000-01-01")]
    [InlineData("1900-02-29")]
    [InlineData("2023-00-10")]
    [InlineData("2023-1a-10")]
    public void TryParseDate_IsoShapedButInvalid_False(string text)
    {
        Assert.False(ValueParser.TryParseDate(text, out _));
    }

    [Fact]
    public void TryParseDecimal_VeryLongFraction_KeepsDecimalPrecision()
    {
        Assert.True(ValueParser.TryParseDecimal("0.1234567890123456789012345678901234", out var v));
        Assert.Equal(0.1234567890123456789012345679m, v);
    }

    [Theory]
    [InlineData("42", 42)]
    [InlineData("-7", -7)]
    [InlineData("1,234", 1234)]
    [InlineData(" 12.00 ", 12)]
    [InlineData("００１", 1)]
    [InlineData("9223372036854775807", long.MaxValue)]
    [InlineData("-9223372036854775808", long.MinValue)]
    public void TryParseLong_WholeNumber_Parsed(string text, long expected)
    {
        Assert.True(ValueParser.TryParseLong(text, out var v));
        Assert.Equal(expected, v);
    }

    [Theory]
    [InlineData("")]
    [InlineData("1.5")]
    [InlineData("NA")]
    [InlineData("1E3")]
    [InlineData("9223372036854775808")]
    [InlineData("\u3000")]
    public void TryParseLong_NotWhole_False(string text)
    {
        Assert.False(ValueParser.TryParseLong(text, out _));
    }

    [Fact]
    public void TryParseInt_BeyondInt32_False()
    {
        Assert.True(ValueParser.TryParseInt("2147483647", out var max));
        Assert.Equal(int.MaxValue, max);
        Assert.False(ValueParser.TryParseInt("2147483648", out _));
    }

    [Theory]
    [InlineData("true", true)]
    [InlineData("FALSE", false)]
    [InlineData("Yes", true)]
    [InlineData("no", false)]
    [InlineData("Y", true)]
    [InlineData("n", false)]
    [InlineData("1", true)]
    [InlineData("0", false)]
    [InlineData("是", true)]
    [InlineData("否", false)]
    [InlineData("真", true)]
    [InlineData(" 假 ", false)]
    [InlineData("１", true)]
    public void TryParseBool_KnownWord_Parsed(string text, bool expected)
    {
        Assert.True(ValueParser.TryParseBool(text, out var v));
        Assert.Equal(expected, v);
    }

    [Theory]
    [InlineData("")]
    [InlineData("maybe")]
    [InlineData("2")]
    [InlineData("yess")]
    public void TryParseBool_UnknownWord_False(string text)
    {
        Assert.False(ValueParser.TryParseBool(text, out _));
    }

    [Fact]
    public void NormalizeWidth_FullWidth_ConvertedToAscii()
    {
        Assert.Equal("ABC 123.5,-", ValueParser.NormalizeWidth("ＡＢＣ\u3000１２３．５，－"));
    }

    [Fact]
    public void NormalizeWidth_NothingToConvert_SameInstance()
    {
        var s = "plain 北京";
        Assert.Same(s, ValueParser.NormalizeWidth(s));
    }
}
