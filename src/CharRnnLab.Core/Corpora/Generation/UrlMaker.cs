namespace CharRnnLab.Core.Corpora.Generation;

/// <summary>
/// Made-up but realistic http(s) URLs: subdomains, several TLDs, paths, file extensions,
/// query strings and fragments. A URL never ends in '.' or ')' so it stays unambiguous in prose.
/// </summary>
internal sealed class UrlMaker(DeterministicRandom r)
{
    private static readonly string[] Tlds = ["org", "com", "net", "edu", "gov", "info", "co.uk", "de", "fr", "io", "org.au", "nl"];
    private static readonly string[] Subdomains = ["www", "www", "www", "archive", "news", "data", "en", "docs", "library", "static"];
    private static readonly string[] Extensions = [".html", ".htm", ".php", ".pdf", ".aspx", ".xml", ".txt"];
    private static readonly string[] Sections = ["news", "archive", "reports", "article", "wiki", "docs", "history", "people", "events", "catalogue", "media", "research"];

    public string Word() => string.Concat(Enumerable.Range(0, r.Between(2, 3)).Select(_ => r.Pick(Lexicon.Syllables)));

    public string Domain() =>
        (r.Chance(0.6) ? r.Pick(Subdomains) + "." : "") + Word() + (r.Chance(0.2) ? "-" + Word() : "") + "." + r.Pick(Tlds);

    /// <summary>A full URL such as https://archive.valdor.org/reports/1884/mill-records.pdf?page=2.</summary>
    public string Url() => (r.Chance(0.6) ? "https" : "http") + "://" + Domain() + Path();

    /// <summary>A site's front page, e.g. http://www.kesmira.net/ (often used for "official website").</summary>
    public string Homepage() => (r.Chance(0.6) ? "https" : "http") + "://" + Domain() + (r.Chance(0.5) ? "/" : "");

    private string Path()
    {
        int segments = r.Weighted(1, 3, 3, 2, 1);
        if (segments == 0) return r.Chance(0.5) ? "/" : "";
        var parts = new List<string>();
        for (int i = 0; i < segments; i++)
        {
            parts.Add(r.Next(5) switch
            {
                0 => r.Pick(Sections),
                1 => r.Between(1850, 2024).ToString(System.Globalization.CultureInfo.InvariantCulture),
                2 => r.Pick(Lexicon.ConcreteNouns) + "-" + r.Pick(Lexicon.ConcreteNouns),
                3 => Word(),
                _ => r.Pick(Lexicon.Adjectives) + "_" + r.Pick(Lexicon.ConcreteNouns),
            });
        }
        string path = "/" + string.Join("/", parts);
        path += r.Weighted(4, 3, 1) switch { 0 => "", 1 => r.Pick(Extensions), _ => "/" };
        if (r.Chance(0.2)) path += Query();
        if (r.Chance(0.08)) path += "#" + r.Pick(Sections) + "-" + r.Between(1, 12);
        return path;
    }

    private string Query() => r.Next(4) switch
    {
        0 => "?id=" + r.Between(100, 999999),
        1 => "?page=" + r.Between(2, 40),
        2 => $"?id={r.Between(1, 9999)}&lang={r.Pick(["en", "de", "fr", "nl"])}",
        _ => $"?q={r.Pick(Lexicon.ConcreteNouns)}+{r.Pick(Lexicon.ConcreteNouns)}&sort=date",
    };
}
