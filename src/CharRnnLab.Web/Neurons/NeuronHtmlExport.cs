using System.Globalization;
using System.Net;
using System.Text;
using CharRnnLab.Core.Analysis.Ranking;
using CharRnnLab.Core.Analysis.Recording;

namespace CharRnnLab.Web.Neurons;

/// <summary>
/// The text coloured by one cell as a single self-contained HTML file (inline CSS, no script,
/// no external resource), to keep or send. Every piece of text is HTML-encoded: a text full of
/// &lt;script&gt; stays text.
/// </summary>
public static class NeuronHtmlExport
{
    private const string Style = """
        body{font-family:system-ui,sans-serif;margin:24px;color:#1f2a44}
        h1{font-size:1.2rem;margin:0 0 4px}
        p{margin:0 0 10px;font-size:.85rem;opacity:.8}
        .legend{display:flex;align-items:center;gap:8px;font-size:.8rem;margin-bottom:12px}
        .bar{width:220px;height:12px;border:1px solid #ccd;background:linear-gradient(to right,LOW,#ffffff,HIGH)}
        pre{font-family:ui-monospace,"DejaVu Sans Mono",Menlo,Consolas,monospace;font-size:13px;line-height:1.45;white-space:pre-wrap;word-break:break-all}
        .m{color:rgba(0,0,0,.3)}
        """;

    /// <summary>The HTML document for <paramref name="cell"/> over the recording's text.</summary>
    public static string Render(NeuronRecording recording, CellId cell)
    {
        var r = recording.Recording;
        float[] column = r.Column(cell.Layer, cell.Kind, cell.Unit);
        double scale = column.Where(float.IsFinite).Select(v => Math.Abs((double)v)).DefaultIfEmpty(0).Max();
        var (low, middle, high) = ActivationColours.Legend(cell.Kind);
        string title = $"Layer {cell.Layer + 1} {ActivationKinds.Symbol(cell.Kind)} cell #{cell.Unit}";

        var html = new StringBuilder(r.Characters * 48 + 2048);
        html.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>").Append(Encode(title)).Append("</title>\n<style>")
            .Append(Style.Replace("LOW", ActivationColours.For(-1)).Replace("HIGH", ActivationColours.For(1)))
            .Append("</style></head>\n<body>\n<h1>").Append(Encode(title)).Append("</h1>\n<p>")
            .Append(Encode($"Run '{recording.RunName}' at iteration {recording.Iteration:N0}; {recording.TextDescription}. Exported by CharRnnLab."))
            .Append("</p>\n<div class=\"legend\"><span>").Append(Encode(low)).Append("</span><span class=\"bar\"></span><span>")
            .Append(Encode(high)).Append("</span><span>(white: ").Append(Encode(middle)).Append(")</span></div>\n<pre>");
        for (int t = 0; t < r.Characters; t++)
        {
            string colour = ActivationColours.For(ActivationColours.Normalize(cell.Kind, column[t], scale));
            html.Append("<span style=\"background:").Append(colour).Append("\" title=\"")
                .Append(column[t].ToString("+0.000;-0.000;0.000", CultureInfo.InvariantCulture)).Append("\">");
            AppendSymbol(html, r.Symbols[t]);
            html.Append("</span>");
            if (r.Symbols[t] == "\n") html.Append('\n');
        }
        return html.Append("</pre>\n</body></html>\n").ToString();
    }

    // Whitespace gets a faint mark so indentation and line ends are visible, as on the page; a tab keeps its width.
    private static void AppendSymbol(StringBuilder html, string symbol)
    {
        if (!SymbolGlyphs.IsMarked(symbol))
        {
            html.Append(Encode(symbol));
            return;
        }
        html.Append("<span class=\"m\">").Append(SymbolGlyphs.Show(symbol)).Append("</span>"); // our own glyphs: no markup in them
        if (symbol == "\t") html.Append('\t');
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);

    /// <summary>A file name for the download: run, layer, kind, unit.</summary>
    public static string FileName(NeuronRecording recording, CellId cell) =>
        $"charrnn-{recording.RunId}-layer{cell.Layer + 1}-{ActivationKinds.ShortName(cell.Kind)}-{cell.Unit}.html";
}
