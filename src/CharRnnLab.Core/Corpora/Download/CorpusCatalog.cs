using System.Text.Json;

namespace CharRnnLab.Core.Corpora.Download;

/// <summary>
/// The list of downloadable classic corpora, read from corpora/catalog.json (embedded in this
/// assembly as the default). Tests build one from entries pointing at a local server.
/// </summary>
public sealed class CorpusCatalog
{
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        ReadCommentHandling = JsonCommentHandling.Skip,
    };

    public IReadOnlyList<CatalogEntry> Entries { get; }

    public CorpusCatalog(IEnumerable<CatalogEntry> entries, string source = "catalog")
    {
        Entries = entries.ToList();
        foreach (var e in Entries) Validate(e, source);
        var duplicate = Entries.GroupBy(e => e.Name).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) throw new CorpusException($"Catalogue {source} lists '{duplicate.Key}' twice. Give each entry its own name.");
    }

    /// <summary>The catalogue shipped with CharRnnLab (corpora/catalog.json).</summary>
    public static CorpusCatalog Default => DefaultCatalog.Value;

    // Lazy, not a static initialiser: a bad file then surfaces as a CorpusException, not a TypeInitializationException.
    private static readonly Lazy<CorpusCatalog> DefaultCatalog = new(() =>
        Parse(GeneratorConfig.ReadResource(typeof(CorpusCatalog).Assembly, "corpora/catalog.json"), "corpora/catalog.json"));

    public static CorpusCatalog Load(string path)
    {
        string json;
        try { json = File.ReadAllText(path); }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CorpusException($"Cannot read the corpus catalogue {path}: {ex.Message}", ex);
        }
        return Parse(json, path);
    }

    public static CorpusCatalog Parse(string json, string source)
    {
        CatalogFile? file;
        try { file = JsonSerializer.Deserialize<CatalogFile>(json, JsonOptions); }
        catch (JsonException ex) { throw new CorpusException($"Catalogue {source} is not valid JSON: {ex.Message}", ex); }
        if (file?.Corpora is null) throw new CorpusException($"Catalogue {source} has no \"corpora\" list.");
        return new CorpusCatalog(file.Corpora.Select((e, i) => e.ToEntry(source, i)), source);
    }

    public CatalogEntry? Find(string name) => Entries.FirstOrDefault(e => e.Name == name);

    /// <summary>The entry called <paramref name="name"/>, or an error that lists the known names.</summary>
    public CatalogEntry Get(string name) => Find(name) ?? throw new CorpusException(
        $"There is no corpus '{name}' in the catalogue. Known: {string.Join(", ", Entries.Select(e => e.Name))}.");

    private static void Validate(CatalogEntry e, string source)
    {
        string? problem =
            !GeneratorConfig.IsSafeId(e.Name) ? "its name must be lower-case letters, digits and '-'"
            : !e.Url.IsAbsoluteUri || e.Url.Scheme is not ("http" or "https") ? $"url {e.Url} is not an http(s) URL"
            : e.Sha256 is { } sha && (sha.Length != 64 || !sha.All(Uri.IsHexDigit)) ? "sha256 must be 64 hex digits"
            : e.Archive is not (null or "zip") ? $"archive '{e.Archive}' is not supported (only zip)"
            : e.ExpectedBytes is <= 0 ? "expectedBytes must be positive"
            : null;
        if (problem is not null) throw new CorpusException($"Catalogue {source}, entry '{e.Name}': {problem}.");
    }

    private sealed record CatalogFile(string? Comment, List<CatalogRecord>? Corpora);

    private sealed record CatalogRecord(
        string? Name, string? Title, string? Description, string? Url, long? ExpectedBytes, bool ExactSize,
        string? Sha256, string? Licence, string? Archive, string? ArchiveEntry)
    {
        public CatalogEntry ToEntry(string source, int index)
        {
            string Required(string? value, string field) => string.IsNullOrWhiteSpace(value)
                ? throw new CorpusException($"Catalogue {source}, entry #{index + 1} ({Name ?? "unnamed"}): \"{field}\" is missing.")
                : value;
            string url = Required(Url, "url");
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
                throw new CorpusException($"Catalogue {source}, entry '{Name}': url '{url}' is not a valid URL.");
            return new CatalogEntry(Required(Name, "name"), Required(Title, "title"), Required(Description, "description"),
                uri, ExpectedBytes, ExactSize, Sha256?.ToLowerInvariant(), Required(Licence, "licence"), Archive, ArchiveEntry);
        }
    }
}
