using CharRnnLab.Core.Corpora.Generation;

namespace CharRnnLab.Core.Corpora;

/// <summary>
/// Wikipedia-style articles about made-up towns, rivers, bands, species, people and software:
/// == headings ==, [[links]], '''bold''', bulleted lists, infoboxes, &lt;ref&gt; citations, HTML
/// comments and http(s) URLs bare, in [brackets] and inside templates.
/// Tracks: <see cref="CorpusTracks.Url"/>, <see cref="CorpusTracks.Quote"/>, <see cref="CorpusTracks.Comment"/>.
/// </summary>
public sealed class WikiGenerator : ICorpusGenerator
{
    public string Name => "wiki";

    private static readonly Dictionary<WikiKind, string[]> Sections = new()
    {
        [WikiKind.Town] = ["History", "Geography", "Economy", "Culture", "Transport", "Notable people"],
        [WikiKind.River] = ["Course", "Tributaries", "History", "Ecology", "Bridges"],
        [WikiKind.Band] = ["History", "Musical style", "Members", "Discography", "Reception"],
        [WikiKind.Species] = ["Taxonomy", "Description", "Distribution and habitat", "Behaviour", "Conservation"],
        [WikiKind.Person] = ["Early life", "Career", "Later life", "Legacy", "Selected works"],
        [WikiKind.Software] = ["History", "Features", "Versions", "Reception", "See also"],
    };

    private static readonly string[] EditorNotes =
    [
        "TODO: expand this section", "Please cite a source for the figures below", "Do not add unsourced claims",
        "This section was merged from an older article", "Keep the list in chronological order",
    ];

    private static readonly string[] ListSections = ["Notable people", "Tributaries", "Members", "Discography", "Selected works", "Versions", "See also", "Bridges"];

    public void WriteDocument(TrackedText output, DeterministicRandom random, GeneratorConfig config)
    {
        var phrases = new WikiPhrases(random);
        var subject = phrases.NewSubject();
        var lines = new List<string>();
        if (random.Chance(0.3)) lines.Add(Markup.Comment("<!-- Please discuss before renaming this article --") + ">");
        lines.Add($"{{{{Short description|{subject.Kind.ToString().ToLowerInvariant()} in {subject.Country}}}}}");
        if (random.Chance(0.6)) lines.AddRange(Infobox(random, phrases, subject));
        lines.Add($"'''{subject.Title}''' is a {Describe(subject)}. {phrases.Paragraph(subject, random.Between(1, 4))}");
        foreach (string section in PickSections(random, subject.Kind))
            lines.AddRange(Section(random, phrases, subject, section));
        lines.AddRange(["", "== References ==", random.Chance(0.5) ? "{{Reflist}}" : "<references />"]);
        lines.AddRange(ExternalLinks(random, phrases, subject));
        lines.Add("");
        lines.Add($"[[Category:{subject.Kind}s in {subject.Country}]]");
        if (random.Chance(0.5)) lines.Add($"[[Category:{phrases.Year()} establishments]]");
        foreach (string line in lines) Markup.Emit(output, line + "\n");
    }

    private static string Describe(WikiSubject s) => s.Kind switch
    {
        WikiKind.Town => $"[[town]] in the [[{s.Country}|{s.Country}n]] countryside",
        WikiKind.River => $"[[river]] that flows through [[{s.Country}]]",
        WikiKind.Band => $"[[{s.Country}]] [[folk rock]] band",
        WikiKind.Species => $"species of [[beetle]] found in [[{s.Country}]]",
        WikiKind.Person => $"[[{s.Country}]] [[cartographer]] and writer",
        _ => $"[[free software|free]] [[text editor]] first released in [[{s.Country}]]",
    };

    private static IEnumerable<string> PickSections(DeterministicRandom random, WikiKind kind)
    {
        var all = Sections[kind];
        int count = random.Between(2, all.Length);
        return all.Take(count);
    }

    private static IEnumerable<string> Infobox(DeterministicRandom random, WikiPhrases p, WikiSubject s)
    {
        string website = random.Next(3) switch
        {
            0 => $"{{{{URL|{Markup.Url(p.Urls.Homepage())}}}}}",
            1 => $"[{Markup.Url(p.Urls.Homepage())} Official site]",
            _ => Markup.Url(p.Urls.Homepage()),
        };
        yield return $"{{{{Infobox {s.Kind.ToString().ToLowerInvariant()}";
        yield return $"| name = {s.Title}";
        yield return $"| country = [[{s.Country}]]";
        yield return $"| established = {p.Year()}";
        if (random.Chance(0.5)) yield return $"| population = {p.Number()}";
        yield return $"| website = {website}";
        yield return "}}";
    }

    private static IEnumerable<string> Section(DeterministicRandom random, WikiPhrases p, WikiSubject s, string heading)
    {
        yield return "";
        yield return $"== {heading} ==";
        if (ListSections.Contains(heading))
        {
            foreach (string item in BulletList(random, p, s)) yield return item;
            yield break;
        }
        if (random.Chance(0.15)) yield return Markup.Comment($"<!-- {random.Pick(EditorNotes)} --") + ">";
        for (int i = random.Between(1, 3); i > 0; i--) yield return p.Paragraph(s, random.Between(2, 6));
        if (random.Chance(0.35))
        {
            yield return "";
            yield return $"=== {English.Capitalize(random.Pick(Lexicon.Adjectives))} period ===";
            yield return p.Paragraph(s, random.Between(2, 5));
        }
    }

    private static IEnumerable<string> BulletList(DeterministicRandom random, WikiPhrases p, WikiSubject s)
    {
        for (int i = random.Between(3, 9); i > 0; i--)
        {
            yield return "* " + p.ListItem(s);
            if (random.Chance(0.25)) yield return "** " + p.ListItem(s);
        }
    }

    private static IEnumerable<string> ExternalLinks(DeterministicRandom random, WikiPhrases p, WikiSubject s)
    {
        yield return "";
        yield return "== External links ==";
        yield return $"* {{{{Official website|{Markup.Url(p.Urls.Homepage())}}}}}";
        for (int i = random.Between(1, 4); i > 0; i--)
        {
            yield return random.Next(3) switch
            {
                0 => $"* [{Markup.Url(p.Urls.Url())} {p.Title()}]",
                1 => $"* [{Markup.Url(p.Urls.Url())}] (archived {p.Date()})",
                _ => $"* {p.Title()}: {Markup.Url(p.Urls.Url())}",
            };
        }
    }
}
