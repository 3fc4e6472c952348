using System.Globalization;
using System.Net;
using System.Text;
using Allot.Core.Value;

namespace Allot.Cli.Output;

/// <summary>The value report: one self-contained HTML file (inline SVG, no script) with the fitted models, the
/// tracking chart, the holdout conditional-expectation chart and the top churn warnings.</summary>
internal static class ValueReport
{
    /// <summary>Writes the report.</summary>
    public static void Write(string path, CustomerSummaries summaries, ValueAnalysisResult analysis, IReadOnlyList<TrackingPoint> tracking,
        IReadOnlyList<HoldoutRow> holdout, DateTimeOffset createdAt)
    {
        string unit = TimeUnits.Name(summaries.Unit);
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Allot value report</title><style>")
            .Append("body{font-family:system-ui,-apple-system,'Segoe UI',sans-serif;margin:2em auto;max-width:800px;color:#222}")
            .Append("table{border-collapse:collapse;margin:0.5em 0 1.5em}td,th{border:1px solid #ccc;padding:3px 8px;text-align:right}")
            .Append("th:first-child,td:first-child{text-align:left}caption{text-align:left;font-weight:bold;margin-bottom:4px}")
            .Append(".note{color:#555;font-size:0.9em}</style></head><body>\n");
        html.Append(Invariant($"<h1>Customer value report</h1><p class=\"note\">Generated {createdAt:yyyy-MM-dd HH:mm} UTC by Allot. {summaries.Count:N0} customers; time unit: {unit}; calibration to {summaries.CalibrationEnd:yyyy-MM-dd}"))
            .Append(summaries.HoldoutEnd is { } h ? Invariant($", holdout to {h:yyyy-MM-dd} ({summaries.HoldoutLength:0.#} {unit}s).") : " (no holdout period).")
            .Append("</p>\n");

        html.Append("<h2>Models</h2>");
        AppendFit(html, analysis.Fit);
        if (analysis.Spend is { } spend) AppendFit(html, spend.Report);
        html.Append("<p class=\"note\">").Append(E(analysis.Independence.Verdict)).Append(".</p>\n");

        html.Append("<h2>Tracking: repeat purchases, actual and expected</h2>");
        if (tracking.Count == 0) html.Append("<p>Not enough data for a full period.</p>");
        else
        {
            int calibration = tracking.Count(p => p.InCalibration) - 1;
            var labels = tracking.Select(p => p.Period.ToString(CultureInfo.InvariantCulture)).ToList();
            html.Append(SvgLineChart.Render($"Cumulative repeat purchases ({analysis.Model.Name})", Invariant($"{unit}s from {summaries.FirstDate:yyyy-MM-dd}"), "repeat purchases",
                labels, [new("actual", [.. tracking.Select(p => p.ActualCumulative)], "#1f77b4"), new("expected", [.. tracking.Select(p => p.ExpectedCumulative)], "#d62728", Dashed: true)],
                calibration, "calibration end"));
            html.Append(SvgLineChart.Render($"Repeat purchases per {unit}", Invariant($"{unit}s from {summaries.FirstDate:yyyy-MM-dd}"), "repeat purchases",
                labels, [new("actual", [.. tracking.Select(p => p.Actual)], "#1f77b4"), new("expected", [.. tracking.Select(p => p.Expected)], "#d62728", Dashed: true)],
                calibration, "calibration end"));
            var last = tracking[^1];
            html.Append(Invariant($"<p>Up to {last.End:yyyy-MM-dd}: {last.ActualCumulative:N0} repeat purchases actual, {last.ExpectedCumulative:N0} expected ({(last.ExpectedCumulative / last.ActualCumulative - 1) * 100:+0.0;-0.0} %)."));
            var end = tracking.LastOrDefault(p => p.InCalibration);
            if (end is not null && !ReferenceEquals(end, last))
            {
                double actual = last.ActualCumulative - end.ActualCumulative, expected = last.ExpectedCumulative - end.ExpectedCumulative;
                html.Append(Invariant($" In the holdout period: {actual:N0} actual, {expected:N0} expected ({(expected / actual - 1) * 100:+0.0;-0.0} %)."));
            }
            html.Append("</p>\n");
        }

        html.Append("<h2>Holdout: purchases by calibration frequency</h2>");
        if (holdout.Count == 0)
            html.Append("<p>No holdout period: run the report with <code>--calibration-end DATE</code> before the last order date to compare predictions with what happened.</p>\n");
        else
        {
            var labels = holdout.Select(r => r.Label).ToList();
            html.Append(SvgLineChart.Render(Invariant($"Mean purchases in the {summaries.HoldoutLength:0.#}-{unit} holdout"), "repeat purchases in the calibration period", "mean holdout purchases",
                labels, [new("actual", [.. holdout.Select(r => r.Actual)], "#1f77b4", Markers: true), new("expected", [.. holdout.Select(r => r.Expected)], "#d62728", Dashed: true, Markers: true)]));
            html.Append("<table><caption>Conditional expectations</caption><tr><th>x</th><th>customers</th><th>actual</th><th>expected</th></tr>");
            foreach (var r in holdout)
                html.Append(Invariant($"<tr><td>{E(r.Label)}</td><td>{r.Customers:N0}</td><td>{r.Actual:0.000}</td><td>{r.Expected:0.000}</td></tr>"));
            html.Append("</table>\n");
        }

        var warnings = analysis.Churn.Warnings;
        html.Append(Invariant($"<h2>Churn warnings</h2><p>{warnings.Count:N0} customers with P(alive) below {analysis.Churn.Options.Threshold:0.##} and {analysis.Churn.Options.Basis.ToString().ToLowerInvariant()} value at least {analysis.Churn.ValueCut:N2} (the top {(1 - analysis.Churn.Options.ValueQuantile) * 100:0.#} %), by value at risk:</p>"));
        if (warnings.Count > 0)
        {
            html.Append("<table><tr><th>customer</th><th>P(alive)</th><th>value</th><th>value at risk</th><th>x</th><th>" + E(unit) + "s since last purchase</th></tr>");
            foreach (var w in warnings.Take(20))
                html.Append(Invariant($"<tr><td>{E(w.CustomerKey)}</td><td>{w.ProbabilityAlive:0.000}</td><td>{w.Value:N2}</td><td>{w.ValueAtRisk:N2}</td><td>{summaries.X[w.Row]}</td><td>{summaries.T[w.Row] - summaries.Tx[w.Row]:0.0}</td></tr>"));
            html.Append("</table>\n");
        }

        html.Append("<h2>Tracking data</h2><table><tr><th>period</th><th>end</th><th>actual</th><th>expected</th><th>actual cumulative</th><th>expected cumulative</th></tr>");
        foreach (var p in tracking)
            html.Append(Invariant($"<tr><td>{p.Period}</td><td>{p.End:yyyy-MM-dd}</td><td>{p.Actual:0}</td><td>{p.Expected:0.0}</td><td>{p.ActualCumulative:0}</td><td>{p.ExpectedCumulative:0.0}</td></tr>"));
        html.Append("</table>\n<p class=\"note\">Models: BG/NBD (Fader, Hardie &amp; Lee 2005), Pareto/NBD (Schmittlein, Morrison &amp; Colombo 1987), Gamma-Gamma (Fader &amp; Hardie 2013). See docs/value.md.</p></body></html>\n");
        File.WriteAllText(path, html.ToString(), new UTF8Encoding(false));
    }

    private static void AppendFit(StringBuilder html, FitReport fit)
    {
        html.Append(Invariant($"<table><caption>{E(fit.Model)}: {fit.Customers:N0} customers, log-likelihood {fit.LogLikelihood:0.0}, {(fit.Converged ? "converged" : "NOT converged")}</caption><tr><th>parameter</th><th>estimate</th><th>std. error</th></tr>"));
        foreach (var p in fit.Parameters)
            html.Append(Invariant($"<tr><td>{E(p.Name)}</td><td>{p.Value:0.0000}</td><td>{p.StandardError:0.0000}</td></tr>"));
        html.Append("</table>\n");
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);

    private static string Invariant(FormattableString text) => FormattableString.Invariant(text);
}
