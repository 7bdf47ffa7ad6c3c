namespace CharRnnLab.Core.Analysis.Features;

/// <summary>
/// 1 inside a double-quoted span: from the opening quote (after reading it, the reader is
/// inside) up to, not including, the closing quote. ASCII " toggles; a \" inside a quotation
/// and a '"' character literal do not. Typographic “ ” nest by depth. A blank line ends any
/// open quotation, so one stray quote cannot flip the rest of a text (and a quotation that
/// runs over several paragraphs, reopened with " at each, is still tracked).
/// </summary>
public sealed class QuoteTrack : TextFeatureTrack
{
    public override string Name => "quote";
    public override string Description => "1 inside \"double quotes\" (opening quote included, closing excluded); a blank line closes an open quote.";
    public override bool IsBinary => true;

    protected override float[] Compute(string text)
    {
        var values = new float[text.Length];
        bool inside = false;
        int curly = 0;
        for (int i = 0; i < text.Length; i++)
        {
            char ch = text[i];
            if (ch == '"' && !(inside && TextScan.IsEscaped(text, i)) && !TextScan.IsCharLiteral(text, i)) inside = !inside;
            else if (ch == '\u201C') curly++;
            else if (ch == '\u201D') curly = Math.Max(0, curly - 1);
            else if (ch == '\n' && TextScan.EndsBlankLine(text, i)) { inside = false; curly = 0; }
            values[i] = inside || curly > 0 ? 1 : 0;
        }
        return values;
    }
}
