using System.Text.Json;

namespace CharRnnLab.Core.Corpora.Building;

/// <summary>Where a built corpus came from and what went into it, kept beside its text.</summary>
/// <param name="Name">The corpus id, chosen by the user.</param>
/// <param name="From">The folder, archive or URL it was built from.</param>
/// <param name="Include">Include globs.</param>
/// <param name="Exclude">Exclude globs.</param>
/// <param name="Summary">The build's summary line.</param>
/// <param name="Built">When it was built.</param>
public sealed record BuiltCorpusRecord(string Name, string From, IReadOnlyList<string> Include, IReadOnlyList<string> Exclude,
    string Summary, DateTimeOffset Built);

/// <summary>
/// Corpora built from many files (see <see cref="CorpusBuilder"/>), kept as &lt;name&gt;.txt with a
/// &lt;name&gt;.json record in one folder. A failed build leaves an existing corpus of the same name as it was.
/// </summary>
public sealed class BuiltCorpusStore(string directory)
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public string Directory => directory;

    public string? PathOf(string name)
    {
        string path = TextPath(name);
        return GeneratorConfig.IsSafeId(name) && File.Exists(path) ? path : null;
    }

    /// <summary>The built corpora, in ordinal order of their names.</summary>
    public IReadOnlyList<BuiltCorpusRecord> List() => System.IO.Directory.Exists(directory)
        ? System.IO.Directory.GetFiles(directory, "*.txt").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal)
            .Select(name => Record(name!)).ToList()
        : [];

    /// <summary>
    /// Builds corpus <paramref name="name"/> from <paramref name="from"/>: an http(s) URL of an archive (needs
    /// <paramref name="http"/>), an archive file or a folder; <paramref name="describedAs"/> is what the record says
    /// it came from (an uploaded archive's name rather than its temporary file), default <paramref name="from"/>.
    /// </summary>
    public async Task<BuildSummary> BuildAsync(string name, string from, CorpusBuildOptions options, HttpClient? http,
        IProgress<BuildProgress>? progress = null, CancellationToken cancellation = default, string? describedAs = null)
    {
        if (!GeneratorConfig.IsSafeId(name))
            throw new CorpusException($"'{name}' cannot name a corpus: use lower-case letters, digits and '-' (at most 64), e.g. linux-kernel.");
        var builder = new CorpusBuilder(options);
        string target = TextPath(name);
        var summary = IsUrl(from, out var url)
            ? await builder.FromUrlAsync(http ?? throw new ArgumentNullException(nameof(http)), url, target, progress, cancellation)
            : await Task.Run(() => builder.FromPath(from, target, progress, cancellation), cancellation);
        var record = new BuiltCorpusRecord(name, describedAs ?? from, options.Include, options.Exclude ?? [], summary.ToString(), DateTimeOffset.UtcNow);
        File.WriteAllText(RecordPath(name), JsonSerializer.Serialize(record, Json));
        return summary;
    }

    /// <summary>True for an http(s) URL: those are downloaded, everything else is a local path.</summary>
    public static bool IsUrl(string from, out Uri url) =>
        Uri.TryCreate(from, UriKind.Absolute, out url!) && url.Scheme is "http" or "https";

    private BuiltCorpusRecord Record(string name)
    {
        try
        {
            if (File.Exists(RecordPath(name)) && JsonSerializer.Deserialize<BuiltCorpusRecord>(File.ReadAllText(RecordPath(name)), Json) is { } record)
                return record;
        }
        catch (JsonException) { } // a damaged record only loses the description; the text is still there
        return new BuiltCorpusRecord(name, "?", [], [], "", File.GetLastWriteTimeUtc(TextPath(name)));
    }

    private string TextPath(string name) => Path.Combine(directory, name + ".txt");
    private string RecordPath(string name) => Path.Combine(directory, name + ".json");
}
