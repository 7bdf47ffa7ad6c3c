namespace CharRnnLab.Core.Analysis.Features;

/// <summary>
/// 1 on comments, delimiters included: // to the end of the line, /* … */, and # to the end of
/// the line when the # starts a line (after optional whitespace) or follows whitespace (shell,
/// Python, Ruby, YAML; in C this also marks preprocessor lines such as #include). Comment
/// markers inside a double-quoted string on the same line do not count, nor does the // of
/// "http://". The newline ending a line comment is 0.
/// </summary>
public sealed class CommentTrack : TextFeatureTrack
{
    private enum State { Code, String, LineComment, BlockComment }

    public override string Name => "comment";
    public override string Description => "1 in // line comments, /* block comments */ and # comments (# at a line start or after whitespace).";
    public override bool IsBinary => true;

    protected override float[] Compute(string text)
    {
        var values = new float[text.Length];
        var state = State.Code;
        int blockStart = 0;
        for (int i = 0; i < text.Length; i++)
        {
            char ch = text[i];
            switch (state)
            {
                case State.Code:
                    state = Opens(text, i);
                    if (state == State.BlockComment) blockStart = i;
                    break;
                case State.String:
                    if (ch == '\n' || (ch == '"' && !TextScan.IsEscaped(text, i))) state = State.Code;
                    break;
                case State.LineComment:
                    if (ch == '\n') state = State.Code;
                    break;
                case State.BlockComment when ch == '/' && text[i - 1] == '*' && i >= blockStart + 3:
                    values[i] = 1;
                    state = State.Code;
                    continue;
            }
            values[i] = state is State.LineComment or State.BlockComment ? 1 : 0;
        }
        return values;
    }

    private static State Opens(string text, int i)
    {
        char ch = text[i];
        char next = i + 1 < text.Length ? text[i + 1] : '\0';
        char previous = i > 0 ? text[i - 1] : '\n';
        if (ch == '"' && !TextScan.IsCharLiteral(text, i)) return State.String;
        if (ch == '/' && next == '/' && previous != ':') return State.LineComment;
        if (ch == '/' && next == '*') return State.BlockComment;
        if (ch == '#' && char.IsWhiteSpace(previous)) return State.LineComment;
        return State.Code;
    }
}
