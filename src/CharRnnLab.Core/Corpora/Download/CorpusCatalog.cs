using System.Text.Json;
using CharRnnLab.Core.Corpora.Building;

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

    /// <summary>Names the file whose entries replace or extend the shipped catalogue (mirrors, air-gapped machines).</summary>
    public const string OverrideVariable = "CHARRNN_CATALOG";

    /// <summary>
    /// The shipped catalogue with the override file <paramref name="overridePath"/> (else $CHARRNN_CATALOG) laid over it:
    /// see <see cref="Overlaid"/>. No override: <see cref="Default"/>.
    /// </summary>
    public static CorpusCatalog Configured(string? overridePath = null, Func<string, string?>? environment = null)
    {
        string? path = overridePath ?? (environment ?? Environment.GetEnvironmentVariable)(OverrideVariable);
        return string.IsNullOrWhiteSpace(path) ? Default : Default.Overlaid(path);
    }

    /// <summary>
    /// This catalogue with the entries of the file at <paramref name="path"/>: an entry of the same name replaces
    /// this one's, others are added; <c>"replace": true</c> in the file drops every entry of this one first.
    /// </summary>
    public CorpusCatalog Overlaid(string path)
    {
        var (entries, replace) = Read(ReadText(path), path);
        var names = entries.Select(e => e.Name).ToHashSet(StringComparer.Ordinal);
        var kept = replace ? [] : Entries.Where(e => !names.Contains(e.Name));
        return new CorpusCatalog(kept.Concat(entries), path);
    }

    public static CorpusCatalog Load(string path) => Parse(ReadText(path), path);

    private static string ReadText(string path)
    {
        try { return File.ReadAllText(path); }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CorpusException($"Cannot read the corpus catalogue {path}: {ex.Message}. Check the path (--catalog or ${OverrideVariable}).", ex);
        }
    }

    public static CorpusCatalog Parse(string json, string source) => new(Read(json, source).Entries, source);

    private static (List<CatalogEntry> Entries, bool Replace) Read(string json, string source)
    {
        CatalogFile? file;
        try { file = JsonSerializer.Deserialize<CatalogFile>(json, JsonOptions); }
        catch (JsonException ex) { throw new CorpusException($"Catalogue {source} is not valid JSON: {ex.Message}", ex); }
        if (file?.Corpora is null) throw new CorpusException($"Catalogue {source} has no \"corpora\" list.");
        return (file.Corpora.Select((e, i) => e.ToEntry(source, i)).ToList(), file.Replace);
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
            : e.Archive is not (null or "zip") ? $"archive '{e.Archive}' is not supported (only zip; an archive of many files takes \"build\")"
            : e.Build is not null && e.Archive is not null ? "\"archive\" (one member) and \"build\" (many files) exclude each other"
            : e.Build is { Include.Count: 0 } ? "\"build\" needs an \"include\" list of globs"
            : e.ExpectedBytes is <= 0 ? "expectedBytes must be positive"
            : null;
        if (problem is not null) throw new CorpusException($"Catalogue {source}, entry '{e.Name}': {problem}.");
    }

    private sealed record CatalogFile(string? Comment, List<CatalogRecord>? Corpora, bool Replace = false);

    private sealed record CatalogRecord(
        string? Name, string? Title, string? Description, string? Url, long? ExpectedBytes, bool ExactSize,
        string? Sha256, string? Licence, string? Archive, string? ArchiveEntry, BuildRecord? Build, string? Post)
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
                uri, ExpectedBytes, ExactSize, Sha256?.ToLowerInvariant(), Required(Licence, "licence"), Archive, ArchiveEntry,
                Build?.ToOptions(), Post);
        }
    }

    /// <summary>"build": {"include": [...], "exclude": [...], "separator": "// {path}"}; no separator key gives the default, null none.</summary>
    private sealed record BuildRecord(List<string>? Include, List<string>? Exclude, string? Separator = CorpusBuildOptions.DefaultSeparator)
    {
        public CorpusBuildOptions ToOptions() => new(Include ?? [], Exclude ?? [], Separator);
    }
}
