using System.Globalization;
using System.Net;
using System.Text;

namespace Allot.Cli.Output;

/// <summary>A small line chart as inline SVG (no script, no external file): for the value report.</summary>
internal static class SvgLineChart
{
    private const int Width = 760, Height = 360, Left = 64, Right = 16, Top = 36, Bottom = 52;

    /// <summary>One line.</summary>
    public sealed record Series(string Name, IReadOnlyList<double> Values, string Colour, bool Dashed = false, bool Markers = false);

    /// <summary>Draws the series over categories <paramref name="labels"/> (one x position each).</summary>
    /// <param name="title">Chart title.</param>
    /// <param name="xTitle">x axis title.</param>
    /// <param name="yTitle">y axis title.</param>
    /// <param name="labels">x labels; about ten are printed.</param>
    /// <param name="series">The lines, each as long as <paramref name="labels"/>.</param>
    /// <param name="marker">Draw a vertical dotted line after this index (e.g. the calibration end), or −1.</param>
    /// <param name="markerText">Text beside the marker.</param>
    public static string Render(string title, string xTitle, string yTitle, IReadOnlyList<string> labels, IReadOnlyList<Series> series,
        int marker = -1, string markerText = "")
    {
        var sb = new StringBuilder();
        int n = labels.Count;
        double max = series.SelectMany(s => s.Values).Where(double.IsFinite).DefaultIfEmpty(1).Max();
        double top = NiceCeiling(max <= 0 ? 1 : max);
        double plotW = Width - Left - Right, plotH = Height - Top - Bottom;
        double X(int i) => Left + (n <= 1 ? plotW / 2 : plotW * i / (n - 1));
        double Y(double v) => Top + plotH * (1 - v / top);
        sb.Append(Invariant($"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {Width} {Height}\" width=\"{Width}\" height=\"{Height}\" role=\"img\" aria-label=\"{E(title)}\">"));
        sb.Append(Invariant($"<text x=\"{Width / 2}\" y=\"20\" text-anchor=\"middle\" font-size=\"15\" font-weight=\"bold\">{E(title)}</text>"));
        for (int k = 0; k <= 5; k++)
        {
            double v = top * k / 5, y = Y(v);
            sb.Append(Invariant($"<line x1=\"{Left}\" y1=\"{y:0.#}\" x2=\"{Width - Right}\" y2=\"{y:0.#}\" stroke=\"#e3e3e3\"/>"));
            sb.Append(Invariant($"<text x=\"{Left - 6}\" y=\"{y + 4:0.#}\" text-anchor=\"end\" font-size=\"11\">{Number(v)}</text>"));
        }
        int step = Math.Max(1, (int)Math.Ceiling(n / 10.0));
        for (int i = 0; i < n; i += step)
            sb.Append(Invariant($"<text x=\"{X(i):0.#}\" y=\"{Height - Bottom + 16}\" text-anchor=\"middle\" font-size=\"11\">{E(labels[i])}</text>"));
        sb.Append(Invariant($"<line x1=\"{Left}\" y1=\"{Top + plotH}\" x2=\"{Width - Right}\" y2=\"{Top + plotH}\" stroke=\"#555\"/>"));
        sb.Append(Invariant($"<line x1=\"{Left}\" y1=\"{Top}\" x2=\"{Left}\" y2=\"{Top + plotH}\" stroke=\"#555\"/>"));
        sb.Append(Invariant($"<text x=\"{Left + plotW / 2:0.#}\" y=\"{Height - 12}\" text-anchor=\"middle\" font-size=\"12\">{E(xTitle)}</text>"));
        sb.Append(Invariant($"<text x=\"14\" y=\"{Top + plotH / 2:0.#}\" text-anchor=\"middle\" font-size=\"12\" transform=\"rotate(-90 14 {Top + plotH / 2:0.#})\">{E(yTitle)}</text>"));
        if (marker >= 0 && marker < n)
        {
            double mx = (X(marker) + X(Math.Min(n - 1, marker + 1))) / 2;
            sb.Append(Invariant($"<line x1=\"{mx:0.#}\" y1=\"{Top}\" x2=\"{mx:0.#}\" y2=\"{Top + plotH}\" stroke=\"#888\" stroke-dasharray=\"2 3\"/>"));
            sb.Append(Invariant($"<text x=\"{mx + 4:0.#}\" y=\"{Top + 12}\" font-size=\"11\" fill=\"#555\">{E(markerText)}</text>"));
        }
        int legendX = Left + 10;
        foreach (var s in series)
        {
            var points = string.Join(' ', s.Values.Select((v, i) => (v, i)).Where(p => double.IsFinite(p.v)).Select(p => Invariant($"{X(p.i):0.##},{Y(p.v):0.##}")));
            string dash = s.Dashed ? " stroke-dasharray=\"6 4\"" : "";
            sb.Append(Invariant($"<polyline fill=\"none\" stroke=\"{s.Colour}\" stroke-width=\"2\"{dash} points=\"{points}\"><title>{E(s.Name)}</title></polyline>"));
            if (s.Markers)
                for (int i = 0; i < s.Values.Count; i++)
                    if (double.IsFinite(s.Values[i]))
                        sb.Append(Invariant($"<circle cx=\"{X(i):0.##}\" cy=\"{Y(s.Values[i]):0.##}\" r=\"3.5\" fill=\"{s.Colour}\"><title>{E(labels[i])}: {Number(s.Values[i])}</title></circle>"));
            sb.Append(Invariant($"<line x1=\"{legendX}\" y1=\"{Top + 8}\" x2=\"{legendX + 22}\" y2=\"{Top + 8}\" stroke=\"{s.Colour}\" stroke-width=\"2\"{dash}/>"));
            sb.Append(Invariant($"<text x=\"{legendX + 28}\" y=\"{Top + 12}\" font-size=\"12\">{E(s.Name)}</text>"));
            legendX += 40 + 7 * s.Name.Length;
        }
        sb.Append("</svg>");
        return sb.ToString();
    }

    private static double NiceCeiling(double v)
    {
        double magnitude = Math.Pow(10, Math.Floor(Math.Log10(v)));
        foreach (double m in new[] { 1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10 })
            if (m * magnitude >= v) return m * magnitude;
        return 10 * magnitude;
    }

    private static string Number(double v) => Math.Abs(v) >= 100 ? v.ToString("#,0", CultureInfo.InvariantCulture)
        : Math.Abs(v) >= 1 ? v.ToString("0.##", CultureInfo.InvariantCulture) : v.ToString("0.###", CultureInfo.InvariantCulture);

    private static string E(string text) => WebUtility.HtmlEncode(text);

    private static string Invariant(FormattableString text) => FormattableString.Invariant(text);
}
