using System.Globalization;

namespace CharRnnLab.Core.Corpora.Generation;

/// <summary>What an article is about; the kind picks its sections and phrasing.</summary>
internal enum WikiKind { Town, River, Band, Species, Person, Software }

internal sealed record WikiSubject(WikiKind Kind, string Title, string Country);

/// <summary>
/// Encyclopedic sentences with [[links]], citations in several styles, quoted words and URLs
/// (bare, [bracketed], and inside templates). Strings carry <see cref="Markup"/> markers.
/// </summary>
internal sealed class WikiPhrases(DeterministicRandom r)
{
    private readonly UrlMaker _urls = new(r);
    private readonly ProseGrammar _prose = new(r);
    private readonly List<string> _refNames = [];

    public UrlMaker Urls => _urls;

    public string ProperName() => English.Capitalize(_urls.Word());
    public string Person() => r.Pick(Lexicon.FirstNames) + " " + r.Pick(Lexicon.Surnames);
    public string Year() => r.Between(1620, 2023).ToString(CultureInfo.InvariantCulture);
    public string Number() => r.Between(120, 98000).ToString("N0", CultureInfo.InvariantCulture);
    public string Country() => ProperName() + r.Pick(["ia", "land", "a", "stan", ""]);

    public WikiSubject NewSubject()
    {
        var kind = (WikiKind)r.Next(6);
        string title = kind switch
        {
            WikiKind.Town => ProperName() + r.Pick(Lexicon.PlaceSuffixes),
            WikiKind.River => r.Chance(0.5) ? "River " + ProperName() : ProperName() + " River",
            WikiKind.Band => $"The {English.Capitalize(_prose.Adjective())} {English.Capitalize(English.Plural(_prose.Noun()))}",
            WikiKind.Species => $"{ProperName()}{r.Pick(["us", "a", "ia", "ium"])} {_urls.Word()}{r.Pick(["ensis", "ii", "a", "ata"])}",
            WikiKind.Person => Person(),
            _ => ProperName() + r.Pick(["", "JS", "DB", " Studio", "OS", "ML"]),
        };
        return new WikiSubject(kind, title, Country());
    }

    /// <summary>[[Target]], [[Target|label]] or [[noun]]s.</summary>
    public string Link(string target) => r.Chance(0.75) ? $"[[{target}]]" : $"[[{target}|{target.ToLowerInvariant()}]]";

    /// <summary>A plural noun link, [[boat]]s or [[cherry|cherries]], or a named place like [[Mill Kesdor]].</summary>
    public string NounLink()
    {
        if (!r.Chance(0.5)) return $"[[{English.Capitalize(_prose.Noun())} {ProperName()}]]";
        string noun = _prose.Noun(), plural = English.Plural(noun);
        return plural.StartsWith(noun, StringComparison.Ordinal) ? $"[[{noun}]]{plural[noun.Length..]}" : $"[[{noun}|{plural}]]";
    }

    /// <summary>"1779-1841": a lifespan, birth first.</summary>
    public string Lifespan()
    {
        int born = r.Between(1620, 1950);
        return $"{born}-{born + r.Between(19, 96)}";
    }

    public string Date() => r.Chance(0.5)
        ? $"{r.Between(1, 28)} {r.Pick(Months)} {r.Between(1995, 2024)}"
        : $"{r.Between(1995, 2024)}-{r.Between(1, 12):D2}-{r.Between(1, 28):D2}";

    private static readonly string[] Months =
        ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

    public string Title() => r.Next(3) switch
    {
        0 => $"The {English.Capitalize(_prose.Adjective())} {English.Capitalize(_prose.Noun())} of {ProperName()}",
        1 => $"{English.Capitalize(English.Plural(_prose.Noun()))} and {English.Plural(_prose.Noun())}: a history",
        _ => $"{ProperName()} {Year()} annual report",
    };

    public string Publisher() =>
        ProperName() + " " + r.Pick(["Press", "Historical Society", "Gazette", "Institute", "Museum", "Records Office"]);

    /// <summary>A citation: a ref tag with a cite template, a bracketed link, a bare URL, a named reuse, or sfn.</summary>
    public string Citation()
    {
        if (_refNames.Count > 0 && r.Chance(0.15)) return $"<ref name=\"{r.Pick(_refNames)}\" />";
        if (r.Chance(0.1)) return $"{{{{sfn|{r.Pick(Lexicon.Surnames)}|{Year()}|p={r.Between(3, 480)}}}}}";
        string body = r.Next(5) switch
        {
            0 => $"{{{{cite web |url={Markup.Url(_urls.Url())} |title={Title()} |publisher={Publisher()} |access-date={Date()}}}}}",
            1 => $"{{{{cite book |last={r.Pick(Lexicon.Surnames)} |first={r.Pick(Lexicon.FirstNames)} |title={Title()} |publisher={Publisher()} |year={Year()} |page={r.Between(3, 480)}}}}}",
            2 => $"{{{{cite news |url={Markup.Url(_urls.Url())} |title={Title()} |work={Publisher()} |date={Date()}}}}}",
            3 => $"[{Markup.Url(_urls.Url())} {Title()}]. {Publisher()}. Retrieved {Date()}.",
            _ => $"{r.Pick(Lexicon.Surnames)}, {r.Pick(Lexicon.FirstNames)} ({Year()}). ''{Title()}''. {Publisher()}. {Markup.Url(_urls.Url())}",
        };
        if (!r.Chance(0.3)) return $"<ref>{body}</ref>";
        string name = r.Pick(Lexicon.Surnames).ToLowerInvariant() + Year();
        _refNames.Add(name);
        return $"<ref name=\"{name}\">{body}</ref>";
    }

    /// <summary>One encyclopedic sentence about <paramref name="s"/>, sometimes cited.</summary>
    public string Sentence(WikiSubject s)
    {
        string it = r.Chance(0.4) ? s.Title : "It";
        var verb = _prose.Transitive();
        string text = r.Next(20) switch
        {
            12 => $"During the {r.Between(162, 201)}0s, {Link(Person())} {verb.Past} several {English.Plural(_prose.Noun())} near the {Link(ProperName())}.",
            13 => $"{it} has been described as \"the {_prose.Adjective()} {_prose.Noun()} of {s.Country}\".",
            14 => $"The {Link(ProperName() + " Railway")} reached the area in {Year()}, bringing {English.Plural(_prose.Noun())} and {English.Plural(_prose.Noun())}.",
            15 => $"Its {_prose.Noun()} is among the oldest in [[{s.Country}]], dating from around {Year()}.",
            16 => $"In {Year()}, {English.WithArticle(_prose.Adjective())} {_prose.Noun()} was found {r.Pick(Lexicon.Prepositions)} the {_prose.Noun()}; it is now held by the {Link(ProperName() + " Museum")}.",
            17 => $"Some {Number()} visitors came in {Year()}, compared with {Number()} a decade earlier.",
            18 => $"Local tradition holds that {Link(Person())} {verb.Past} the first {_prose.Noun()} here.",
            19 => $"{it} appears in ''{Title()}'' ({Year()}) as \"a {_prose.Adjective()} place\".",
            0 => $"In {Year()}, {Link(Person())} {verb.Past} the {_prose.Adjective()} {_prose.Noun()} of {Link(ProperName())}.",
            1 => $"{it} is known for its {_prose.Adjective()} {English.Plural(_prose.Noun())} and the annual {Link(ProperName() + " Festival")}.",
            2 => $"According to a {Year()} survey, the figure was {Number()}.",
            3 => $"The {_prose.Noun()} was rebuilt after the [[Great Fire of {Year()}|fire]] destroyed the old {_prose.Noun()}.",
            4 => $"Since {Year()}, the {NounLink()} have been managed by the {Link(ProperName() + " Trust")}.",
            5 => $"The name derives from the [[{ProperName()} language|{ProperName()}]] word ''{_urls.Word()}'', meaning \"{_prose.Adjective()} {_prose.Noun()}\".",
            6 => $"Further records are kept online at {Markup.Url(_urls.Url())} (in {ProperName()}).",
            7 => $"Most {English.Plural(_prose.Noun())} in the area are {_prose.Adjective()}, although some are {_prose.Adjective()}.",
            8 => $"{Link(Person())} described it as \"{_prose.Adjective()} and {_prose.Adjective()}\" in a {Year()} interview.",
            9 => $"It lies {r.Pick(Lexicon.Prepositions)} the {Link(ProperName())}, {r.Between(2, 480)} kilometres from {Link(ProperName() + r.Pick(Lexicon.PlaceSuffixes))}.",
            10 => $"{English.Capitalize(NounLink())} and {NounLink()} were {r.Pick(["common", "rare", "unknown", "widespread"])} there until the {r.Between(15, 20)}th century.",
            _ => $"A {_prose.Adjective()} {Link(_prose.Noun())} by {Link(Person())}, ''{Title()}'', appeared in {Year()}.",
        };
        return r.Chance(0.35) ? text + Citation() : text;
    }

    public string Paragraph(WikiSubject s, int sentences) =>
        string.Join(" ", Enumerable.Range(0, sentences).Select(_ => Sentence(s)));

    /// <summary>One bullet item: a link, a dated entry, or an external link.</summary>
    public string ListItem(WikiSubject s) => r.Next(4) switch
    {
        0 => $"{Link(Person())} ({Lifespan()}), {_prose.Adjective()} {_prose.Noun()}-maker",
        1 => $"''{Title()}'' ({Year()})",
        2 => $"{NounLink()} near {Link(ProperName())}",
        _ => $"[{Markup.Url(_urls.Url())} {Title()}]",
    };
}
