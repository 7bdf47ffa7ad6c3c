using System.Security.Cryptography;
using System.Text;
using CharRnnLab.Core.Corpora.Building;
using CharRnnLab.Core.Corpora.Download;

namespace CharRnnLab.Core.Corpora;

/// <summary>
/// Every corpus the lab can train on, over one data directory (layout under DATA/corpora/:
/// bundled/ generated texts, downloads/ fetched classics and checksums.json, uploads/, built/, source/).
/// The web lab and the CLI both use this class; all errors are <see cref="CorpusException"/>s.
/// </summary>
public sealed class CorpusLibrary
{
    /// <summary>Default upload limit: 50 MB, a lot of text for a char-LSTM.</summary>
    public const long DefaultMaxUploadBytes = 50_000_000;

    private readonly Lock _generateGate = new();
    private readonly string[] _sourceSearchStarts;

    /// <param name="dataDirectory">Root data folder (see <see cref="DataDirectory.Default"/>).</param>
    /// <param name="catalog">Downloadable classics; default <see cref="CorpusCatalog.Configured"/> (the shipped one, with $CHARRNN_CATALOG laid over it).</param>
    /// <param name="sourceSearchStart">Where to look for the repository (and upward); default the app's folder and the current directory.</param>
    /// <param name="maxUploadBytes">Largest accepted upload.</param>
    /// <param name="bundled">Generator configs; default <see cref="GeneratorConfig.Bundled"/>.</param>
    public CorpusLibrary(string dataDirectory, CorpusCatalog? catalog = null, string? sourceSearchStart = null,
        long maxUploadBytes = DefaultMaxUploadBytes, IReadOnlyList<GeneratorConfig>? bundled = null)
    {
        DataDirectory = Path.GetFullPath(dataDirectory);
        Catalog = catalog ?? CorpusCatalog.Configured();
        Bundled = bundled ?? GeneratorConfig.Bundled;
        Uploads = new UploadStore(Path.Combine(CorporaDirectory, "uploads"), maxUploadBytes);
        Built = new BuiltCorpusStore(Path.Combine(CorporaDirectory, "built"));
        _sourceSearchStarts = sourceSearchStart is not null ? [sourceSearchStart] : [AppContext.BaseDirectory, Environment.CurrentDirectory];
    }

    public string DataDirectory { get; }
    public string CorporaDirectory => Path.Combine(DataDirectory, "corpora");
    public CorpusCatalog Catalog { get; }
    public IReadOnlyList<GeneratorConfig> Bundled { get; }
    public UploadStore Uploads { get; }
    public BuiltCorpusStore Built { get; }

    /// <summary>Bumped whenever a generator's output changes, so cached bundled texts are regenerated.</summary>
    public const int GeneratorVersion = 3;

    /// <summary>All corpora: bundled, catalogue (downloaded or not), uploaded, built, and the repository source.</summary>
    public IReadOnlyList<CorpusInfo> List()
    {
        var list = new List<CorpusInfo>();
        foreach (var config in Bundled)
        {
            string path = BundledPath(config);
            bool cached = IsCurrent(config);
            list.Add(new CorpusInfo(config.Id, config.Name, CorpusKinds.Bundled, config.Description,
                cached ? new FileInfo(path).Length : config.SizeBytes, true, cached ? path : null));
        }
        foreach (var entry in Catalog.Entries)
        {
            string path = DownloadedPath(entry);
            bool present = File.Exists(path);
            list.Add(new CorpusInfo(entry.Name, entry.Title, present ? CorpusKinds.Downloaded : CorpusKinds.Catalog, entry.FullDescription,
                present ? new FileInfo(path).Length : entry.ExpectedBytes, present, present ? path : null));
        }
        foreach (string path in Uploads.Files())
            list.Add(new CorpusInfo(UploadStore.IdOf(path), Path.GetFileName(path), CorpusKinds.Uploaded,
                "A text you uploaded.", new FileInfo(path).Length, true, path));
        foreach (var built in Built.List())
        {
            string path = Built.PathOf(built.Name)!;
            list.Add(new CorpusInfo(built.Name, built.Name, CorpusKinds.Built, $"Built from {built.From}: {built.Summary}.",
                new FileInfo(path).Length, true, path));
        }
        list.Add(SourceInfo());
        return list;
    }

    /// <summary>The corpus with this id, or an error listing the known ids.</summary>
    public CorpusInfo Get(string id) => List().FirstOrDefault(c => c.Id == id) ?? throw new CorpusException(
        $"There is no corpus '{id}'. Known: {string.Join(", ", List().Select(c => c.Id))}.");

    /// <summary>
    /// The path of the corpus text, producing it if needed: a bundled corpus is generated (once,
    /// then cached), the source corpus is rebuilt from the repository; a catalogue corpus must have been fetched.
    /// </summary>
    public string EnsureAvailable(string id)
    {
        if (Bundled.FirstOrDefault(c => c.Id == id) is { } config) return EnsureGenerated(config);
        if (id == SourceCorpus.Id) return BuildSource();
        if (Uploads.PathOf(id) is { } uploaded) return uploaded;
        if (Built.PathOf(id) is { } built) return built;
        if (Catalog.Find(id) is { } entry)
        {
            string path = DownloadedPath(entry);
            return File.Exists(path) ? path : throw new CorpusException(
                $"The corpus '{id}' has not been downloaded yet. Fetch it first: charrnn corpora fetch {id}");
        }
        throw new CorpusException($"There is no corpus '{id}'. Known: {string.Join(", ", List().Select(c => c.Id))}.");
    }

    /// <summary>A bundled corpus with its ground-truth tracks (generated in memory; same text as the cached file).</summary>
    public GeneratedCorpus GenerateWithTracks(string id)
    {
        var config = Bundled.FirstOrDefault(c => c.Id == id) ?? throw new CorpusException(
            $"Ground truth exists only for bundled corpora ({string.Join(", ", Bundled.Select(c => c.Id))}); '{id}' is not one.");
        return Generators.Generate(config);
    }

    /// <summary>A downloader for the catalogue's corpora into DATA/corpora/downloads, using <paramref name="http"/>.</summary>
    public CorpusDownloader Downloader(HttpClient http) => new(http, DownloadsDirectory);

    public string DownloadsDirectory => Path.Combine(CorporaDirectory, "downloads");

    private string DownloadedPath(CatalogEntry entry) => Path.Combine(DownloadsDirectory, entry.FileName);

    /// <summary>Fetches catalogue corpus <paramref name="name"/> (see <see cref="CorpusDownloader.FetchAsync"/>).</summary>
    public Task<DownloadResult> FetchAsync(string name, HttpClient http, IProgress<DownloadProgress>? progress = null,
        bool force = false, CancellationToken cancellation = default)
    {
        if (Bundled.Any(c => c.Id == name) || name == SourceCorpus.Id)
            throw new CorpusException($"'{name}' is built into CharRnnLab; there is nothing to download. Use it directly.");
        return Downloader(http).FetchAsync(Catalog.Get(name), progress, force, cancellation);
    }

    /// <summary>Validates and stores an uploaded text (see <see cref="UploadStore"/>); returns its entry.</summary>
    public async Task<CorpusInfo> UploadAsync(string fileName, Stream content, CancellationToken cancellation = default)
    {
        string path = await Uploads.SaveAsync(fileName, content, cancellation);
        return List().First(c => c.Path == path);
    }

    public void DeleteUpload(string id) => Uploads.Delete(id);

    /// <summary>
    /// Builds corpus <paramref name="name"/> from a folder, an archive file or an archive's http(s) URL
    /// (see <see cref="CorpusBuilder"/>). A name the lab already uses for another corpus is refused, and so is an
    /// existing built corpus of that name unless <paramref name="replace"/>. <paramref name="describedAs"/> names the
    /// source in the corpus's description when <paramref name="from"/> is a temporary copy.
    /// </summary>
    public Task<BuildSummary> BuildAsync(string name, string from, CorpusBuildOptions options, HttpClient? http = null,
        IProgress<BuildProgress>? progress = null, bool replace = false, CancellationToken cancellation = default, string? describedAs = null)
    {
        var existing = List().FirstOrDefault(c => c.Id == name);
        if (existing is not null && (existing.Kind != CorpusKinds.Built || !replace))
            throw new CorpusException(existing.Kind == CorpusKinds.Built
                ? $"There is already a built corpus '{name}'. Choose another name, or replace it (--replace)."
                : $"The name '{name}' is taken by the {existing.Kind} corpus \"{existing.Name}\". Choose another name.");
        return Built.BuildAsync(name, from, options, http, progress, cancellation, describedAs);
    }

    private string BundledPath(GeneratorConfig config) => Path.Combine(CorporaDirectory, "bundled", config.Id + ".txt");

    /// <summary>The cache stamp: generator version and the full config, hashed.</summary>
    private static string Stamp(GeneratorConfig config) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"v{GeneratorVersion}\n{config.ToJson()}")));

    private bool IsCurrent(GeneratorConfig config)
    {
        string path = BundledPath(config);
        return File.Exists(path) && File.Exists(path + ".stamp") && File.ReadAllText(path + ".stamp") == Stamp(config);
    }

    private string EnsureGenerated(GeneratorConfig config)
    {
        lock (_generateGate)
        {
            string path = BundledPath(config);
            if (IsCurrent(config)) return path;
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            WriteAtomically(path, Generators.Generate(config, withTracks: false).Text);
            WriteAtomically(path + ".stamp", Stamp(config));
            return path;
        }
    }

    private CorpusInfo SourceInfo()
    {
        string? root = SourceCorpus.FindRepoRoot(_sourceSearchStarts);
        string path = SourcePath;
        bool built = File.Exists(path);
        string description = root is null
            ? "This repository's own code. Not available: CharRnnLab was not started from a clone of its repository."
            : $"This repository's own .cs, .razor, .js and .css files, one after another (from {root}).";
        return new CorpusInfo(SourceCorpus.Id, "CharRnnLab source", CorpusKinds.Source, description,
            built ? new FileInfo(path).Length : null, root is not null, built ? path : null);
    }

    private string SourcePath => Path.Combine(CorporaDirectory, "source", SourceCorpus.Id + ".txt");

    private string BuildSource()
    {
        string root = SourceCorpus.FindRepoRoot(_sourceSearchStarts) ?? throw SourceCorpus.NotFound(_sourceSearchStarts);
        lock (_generateGate)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(SourcePath)!);
            WriteAtomically(SourcePath, SourceCorpus.Build(root));
            return SourcePath;
        }
    }

    private static void WriteAtomically(string path, string text)
    {
        string temp = path + ".tmp";
        File.WriteAllText(temp, text, new UTF8Encoding(false));
        File.Move(temp, path, overwrite: true);
    }
}
