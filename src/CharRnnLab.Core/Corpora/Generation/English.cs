namespace CharRnnLab.Core.Corpora.Generation;

/// <summary>Small English morphology: plurals, third person, articles, capitals.</summary>
internal static class English
{
    private static readonly Dictionary<string, string> IrregularPlurals = new(StringComparer.Ordinal)
    {
        ["knife"] = "knives", ["shelf"] = "shelves", ["leaf"] = "leaves", ["mouse"] = "mice", ["goose"] = "geese",
        ["deer"] = "deer", ["trout"] = "trout", ["loaf"] = "loaves", ["potato"] = "potatoes", ["wife"] = "wives",
    };

    public static string Plural(string noun)
    {
        if (IrregularPlurals.TryGetValue(noun, out var p)) return p;
        if (EndsWithSibilant(noun)) return noun + "es";
        if (EndsWithConsonantY(noun)) return noun[..^1] + "ies";
        return noun + "s";
    }

    /// <summary>He/she/it form of a base verb: carry → carries, fix → fixes, go → goes.</summary>
    public static string ThirdPerson(string verb)
    {
        if (verb is "go" or "do") return verb + "es";
        if (EndsWithSibilant(verb)) return verb + "es";
        if (EndsWithConsonantY(verb)) return verb[..^1] + "ies";
        return verb + "s";
    }

    public static string WithArticle(string phrase)
    {
        bool vowelSound = "aeiou".Contains(char.ToLowerInvariant(phrase[0]))
            && !phrase.StartsWith("uni", StringComparison.Ordinal) && !phrase.StartsWith("use", StringComparison.Ordinal);
        return (vowelSound ? "an " : "a ") + phrase;
    }

    public static string Capitalize(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];

    public static string Roman(int n)
    {
        (int Value, string Digits)[] table =
            [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"),
             (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")];
        var result = "";
        foreach (var (value, digits) in table)
            while (n >= value) { result += digits; n -= value; }
        return result;
    }

    private static bool EndsWithSibilant(string w) =>
        w.EndsWith('s') || w.EndsWith('x') || w.EndsWith('z') || w.EndsWith("ch", StringComparison.Ordinal) || w.EndsWith("sh", StringComparison.Ordinal);

    private static bool EndsWithConsonantY(string w) => w.Length > 1 && w[^1] == 'y' && !"aeiou".Contains(w[^2]);
}
