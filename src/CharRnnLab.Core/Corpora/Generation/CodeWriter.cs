using System.Text;

namespace CharRnnLab.Core.Corpora.Generation;

/// <summary>How a source file is laid out: its indent unit and where opening braces go.</summary>
internal sealed record CodeStyle(string IndentUnit, bool Allman)
{
    public static CodeStyle Pick(DeterministicRandom r) => new(
        r.Pick(["\t", "\t", "    ", "    ", "  "]),
        r.Chance(0.3));

    public bool UsesTabs => IndentUnit == "\t";
}

/// <summary>
/// Writes indented lines of C-like code. The brace depth and the indentation always agree, so
/// the indent track (brace depth) is also the indentation level of every line inside a block.
/// </summary>
internal sealed class CodeWriter(CodeStyle style)
{
    private readonly StringBuilder _text = new();

    public int Depth { get; private set; }

    public void Line(string code) =>
        _text.Append(code.Length == 0 ? "" : string.Concat(Enumerable.Repeat(style.IndentUnit, Depth))).Append(code).Append('\n');

    /// <summary>Opens a block after <paramref name="header"/> ("if (x)"), in the file's brace style.</summary>
    public void Open(string header, bool function = false)
    {
        if (style.Allman || function) { Line(header); Line("{"); }
        else Line(header + " {");
        Depth++;
    }

    /// <summary>Closes the current block; <paramref name="tail"/> continues the line (";", "while (x);").</summary>
    public void Close(string tail = "")
    {
        Depth--;
        if (tail.Length == 0 || tail == ";") Line("}" + tail);
        else if (style.Allman && !tail.StartsWith("while", StringComparison.Ordinal)) { Line("}"); Line(tail); }
        else Line("} " + tail);
    }

    /// <summary>"} else {" in K&amp;R, or "}", "else", "{" in Allman.</summary>
    public void CloseAndReopen(string header)
    {
        Depth--;
        if (style.Allman) { Line("}"); Line(header); Line("{"); }
        else Line("} " + header + " {");
        Depth++;
    }

    public void Blank() => _text.Append('\n');

    public override string ToString() => _text.ToString();
}
