using Allot.Core.Indicators;

namespace Allot.Core.Classification.Schemes;

/// <summary>One classifier of a <see cref="Scheme"/>: its name, kind and settings.</summary>
/// <remarks>The kinds are the sealed subtypes (<see cref="AbcSpec"/>, <see cref="RfmSpec"/>, <see cref="Rfm8Spec"/>,
/// <see cref="ScoreSpec"/>, <see cref="RulesSpec"/>, <see cref="KMeansSpec"/>, <see cref="LifecycleSpec"/>); each
/// knows which indicators it reads and how to run, so the runner need not switch on kinds.</remarks>
/// <param name="Name">Unique within the scheme; names the classifier's result and is what tier_from etc. refer to.</param>
/// <param name="Line">1-based line of the classifier in the scheme's source, for messages; 0 when built in code.</param>
public abstract record ClassifierSpec(string Name, int Line)
{
    /// <summary>The kind as written in a scheme: abc, rfm, rfm8, score, rules, kmeans or lifecycle.</summary>
    public abstract string Kind { get; }

    /// <summary>The indicators the classifier reads, each once, in the order first read.</summary>
    public abstract IReadOnlyList<string> Indicators { get; }

    /// <summary>Runs the classifier; the result is named <see cref="Name"/>.</summary>
    /// <param name="table">The indicators; must hold every name in <see cref="Indicators"/>.</param>
    /// <exception cref="ArgumentException">Invalid settings, or data the classifier cannot use (e.g. too few
    /// distinct customers for k-means).</exception>
    public abstract ClassifierResult Run(IndicatorTable table);
}
