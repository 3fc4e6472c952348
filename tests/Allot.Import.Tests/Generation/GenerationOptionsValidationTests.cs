using Allot.Import.Generation;

namespace Allot.Import.Tests.Generation;

public sealed class GenerationOptionsValidationTests
{
    public static TheoryData<string, GenerationOptions> Invalid => new()
    {
        { "Customers", new GenerationOptions { Customers = 0 } },
        { "Reps", new GenerationOptions { Reps = 0 } },
        { "Orders", new GenerationOptions { Orders = -1 } },
        { "Years", new GenerationOptions { Years = 0 } },
        { "End", new GenerationOptions { End = new DateOnly(1850, 1, 1) } },
        { "End", new GenerationOptions { End = new DateOnly(9999, 12, 31) } },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public void Generate_OptionOutOfRange_ThrowsArgumentExceptionNamingIt(string option, GenerationOptions options)
    {
        using var dir = new TempDirectory();

        var error = Assert.Throws<ArgumentException>(() => DataGenerator.Generate(options, dir.Path, ct: TestContext.Current.CancellationToken));

        Assert.StartsWith(option + " must", error.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(dir.Path));
    }

    [Fact]
    public void Generate_EmptyOutDir_ThrowsArgumentException()
    {
        Assert.Throws<ArgumentException>(() => DataGenerator.Generate(new GenerationOptions(), " ", ct: TestContext.Current.CancellationToken));
    }
}
