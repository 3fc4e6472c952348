using Allot.Core.Classification;

namespace Allot.Core.Tests.Classification;

public sealed class ClassAssignmentTests
{
    private static readonly Dictionary<string, double> Numbers = new() { ["value"] = 2.5 };

    [Fact]
    public void Reason_GivenAsWriter_IsWrittenOnceFromTheNumbers()
    {
        int calls = 0;
        var a = new ClassAssignment("C1", "A", x => { calls++; return $"value {x.Numbers["value"]} in {x.Class}"; }, Numbers);
        Assert.Equal(0, calls);
        Assert.Equal("value 2.5 in A", a.Reason);
        Assert.Equal("value 2.5 in A", a.Reason);
        Assert.Equal(1, calls);
    }

    [Fact]
    public void Equals_WriterAndText_EqualWhenTheTextIs()
    {
        var numbers = CompactNumbersOf(Numbers);
        var written = new ClassAssignment("C1", "A", _ => "because", numbers);
        Assert.Equal(new ClassAssignment("C1", "A", "because", numbers), written);
        Assert.NotEqual(new ClassAssignment("C1", "A", "otherwise", numbers), written);
    }

    private static IReadOnlyDictionary<string, double> CompactNumbersOf(Dictionary<string, double> numbers) =>
        new ClassAssignment("x", "x", "x", numbers).Numbers;
}
