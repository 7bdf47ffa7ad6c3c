namespace CharRnnLab.Core.Corpora.Generation;

/// <summary>
/// Random but plausible statements, expressions, string literals and comments of a C-like
/// language, nested up to a maximum depth. Strings and comments never contain braces or
/// escaped quotes, so the tracks stay exact. Output carries <see cref="Markup"/> markers.
/// </summary>
internal sealed class CodeStatements(DeterministicRandom r, CodeWriter w, int maxDepth)
{
    private readonly UrlMaker _urls = new(r);
    private readonly List<string> _locals = ["ret", "len", "flags", "count"];

    public static readonly string[] Types = ["int", "long", "unsigned int", "size_t", "char *", "bool", "double", "uint32_t"];
    private static readonly string[] Macros = ["MAX_ITEMS", "BUF_SIZE", "FLAG_DIRTY", "FLAG_LOCKED", "NODE_LIMIT", "EINVAL", "ENOMEM"];

    public string Noun() => r.Pick(Lexicon.ConcreteNouns).Replace("-", "_");
    public string Identifier() => r.Chance(0.4) ? Noun() : Noun() + "_" + r.Pick(["count", "len", "idx", "ptr", "list", "state", "next", "size", "id"]);
    public string Function() => r.Pick(Lexicon.TransitiveVerbs).Base + "_" + Noun();
    public string Field() => r.Pick(["next", "prev", "head", "tail", "len", "flags", "owner", "data", "refs", "name"]);
    private string Local() => r.Pick(_locals);

    public void ResetLocals(IEnumerable<string> parameters)
    {
        _locals.Clear();
        _locals.AddRange(["ret", "len", "flags", "count"]);
        _locals.AddRange(parameters);
    }

    /// <summary>A string literal: a printf format, a word, a path pattern.</summary>
    public string StringLiteral() => r.Next(6) switch
    {
        0 => $"\"{Phrase(url: false)}: %d\\n\"",
        1 => $"\"cannot {r.Pick(Lexicon.TransitiveVerbs).Base} %s\\n\"",
        2 => $"\"{Noun()}\"",
        3 => $"\"%s/%s.{r.Pick(["txt", "dat", "cfg", "log"])}\"",
        4 => $"\"\\t{Noun()}=%lu\\n\"",
        _ => $"\"{English.Capitalize(Phrase(url: false))}\"",
    };

    /// <summary>Lower-case English words for comments and messages (no quotes, no braces); with
    /// <paramref name="url"/>, sometimes "see https://…" (callers then end the text right after it).</summary>
    public string Phrase(bool url = true) => r.Next(url ? 7 : 6) switch
    {
        0 => $"{r.Pick(Lexicon.Adverbs)} {r.Pick(Lexicon.TransitiveVerbs).Base} the {Noun()} before the {Noun()} is {r.Pick(Lexicon.Adjectives)}",
        1 => $"TODO: {r.Pick(Lexicon.TransitiveVerbs).Base} this {Noun()} once the {Noun()} is {r.Pick(Lexicon.Adjectives)}",
        2 => $"XXX: {r.Pick(Lexicon.Adjectives)} hack, don't {r.Pick(Lexicon.TransitiveVerbs).Base} the {Noun()} twice",
        3 => $"the {Noun()} must stay {r.Pick(Lexicon.Adjectives)} while we {r.Pick(Lexicon.TransitiveVerbs).Base} it",
        4 => $"{r.Pick(Lexicon.TransitiveVerbs).Base} every {Noun()} and {r.Pick(Lexicon.TransitiveVerbs).Base} the rest",
        5 => $"caller holds the {Noun()} lock",
        _ => $"see {Markup.Url(_urls.Url())}",
    };

    public string Expression() => r.Next(8) switch
    {
        0 => r.Between(0, 4096).ToString(System.Globalization.CultureInfo.InvariantCulture),
        1 => Local(),
        2 => $"{Local()} + {r.Between(1, 64)}",
        3 => $"{Function()}({Local()})",
        4 => $"{Local()}->{Field()}",
        5 => $"({Local()} & {r.Pick(Macros)}) >> {r.Between(1, 8)}",
        6 => $"sizeof(struct {Noun()})",
        _ => $"{Local()} * {Local()} - 1",
    };

    public string Condition() => r.Next(8) switch
    {
        0 => $"{Local()} > {r.Between(0, 255)}",
        1 => $"{Local()} == NULL",
        2 => $"!{Function()}({Local()})",
        3 => $"({Local()} & {r.Pick(Macros)}) != 0",
        4 => $"{Local()} < {Local()} && {Local()} != {r.Between(1, 9)}",
        5 => $"strcmp({Local()}, {StringLiteral()}) == 0",
        6 => $"{Local()}->{Field()} != NULL",
        _ => $"{Local()} <= {r.Pick(Macros)} || {Local()}",
    };

    /// <summary>A block body: one to several statements at the writer's current depth.</summary>
    public void Block(int minStatements = 1)
    {
        int depth = w.Depth;
        int statements = r.Between(minStatements, depth < 3 ? 5 : 3);
        for (int s = 0; s < statements; s++)
        {
            double compound = depth >= maxDepth ? 0 : depth < 3 ? 0.5 : 0.36;
            if (r.Chance(compound)) Compound();
            else Simple();
        }
    }

    private void Simple()
    {
        switch (r.Next(10))
        {
            case 0: w.Line($"{r.Pick(Types)} {Declare()} = {Expression()};"); break;
            case 1: w.Line($"{Local()} = {Expression()};"); break;
            case 2: w.Line($"{Local()} += {r.Between(1, 16)};"); break;
            case 3: w.Line($"{Local()}->{Field()} = {Expression()};"); break;
            case 4: w.Line($"printf({StringLiteral()}, {Local()});"); break;
            case 5: w.Line($"{Function()}({Local()}, {Expression()});"); break;
            case 6: w.Line(LineComment(Phrase())); break;
            case 7: w.Line($"{Local()}++; " + LineComment(Phrase())); break;
            case 8: w.Line(Markup.Comment($"/* {Phrase()} *") + "/"); break;
            default: w.Line($"log_{r.Pick(["debug", "info", "warn"])}({StringLiteral()});"); break;
        }
    }

    private string Declare()
    {
        string name = Identifier();
        if (!_locals.Contains(name)) _locals.Add(name);
        return name;
    }

    private void Compound()
    {
        switch (r.Weighted(5, 3, 2, 1))
        {
            case 0: If(); break;
            case 1:
                string i = r.Pick(["i", "j", "k", "n"]);
                w.Open($"for (int {i} = 0; {i} < {Local()}; {i}++)");
                Block(); w.Close(); break;
            case 2: w.Open($"while ({Condition()})"); Block(); w.Close(); break;
            default: w.Open("do"); Block(); w.Close($"while ({Condition()});"); break;
        }
    }

    private void If()
    {
        w.Open($"if ({Condition()})");
        Block();
        while (r.Chance(0.25)) { w.CloseAndReopen($"else if ({Condition()})"); Block(); }
        if (r.Chance(0.35)) { w.CloseAndReopen("else"); Block(); }
        w.Close();
    }

    /// <summary>"// text"; the newline the writer appends ends it.</summary>
    public static string LineComment(string text) => Markup.Comment("// " + text);
}
