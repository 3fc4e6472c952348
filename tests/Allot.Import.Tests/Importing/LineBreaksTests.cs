using Allot.Import.Importing.Fast;

namespace Allot.Import.Tests.Importing;

public sealed class LineBreaksTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(31)]
    [InlineData(32)]
    [InlineData(33)]
    [InlineData(100)]
    [InlineData(70_000)]
    public void LineBreaks_FindsEveryLfInOrder_AsAByteByByteScanDoes(int length)
    {
        var random = new Random(length);
        var block = new byte[length];
        for (int i = 0; i < length; i++)
            block[i] = random.Next(8) switch { 0 => (byte)'\n', 1 => (byte)'\r', 2 => (byte)',', _ => (byte)random.Next(32, 127) };
        if (length > 40) block[^1] = (byte)'\n';
        var ends = new int[4]; // small, so growing is exercised
        int count = ChunkedLines.LineBreaks(block, ref ends);

        var expected = Enumerable.Range(0, length).Where(i => block[i] == '\n').ToArray();
        Assert.Equal(expected, ends[..count]);
    }

    [Fact]
    public void LineBreaks_EveryByteALineBreak_AllFound()
    {
        var block = Enumerable.Repeat((byte)'\n', 1000).ToArray();
        var ends = new int[1];
        Assert.Equal(1000, ChunkedLines.LineBreaks(block, ref ends));
        Assert.Equal(Enumerable.Range(0, 1000), ends[..1000]);
    }
}
