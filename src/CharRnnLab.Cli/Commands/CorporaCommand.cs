using CharRnnLab.Core.Corpora;
using CharRnnLab.Core.Corpora.Download;

namespace CharRnnLab.Cli.Commands;

/// <summary>charrnn corpora list | fetch NAME | path ID: what can be trained on, and getting it.</summary>
public sealed class CorporaCommand : ICommand
{
    public string Name => "corpora";
    public string Summary => "list corpora, fetch a classic one, print a corpus's path";
    public IReadOnlyCollection<string> Switches => ["force", "retrust"];
    public string Help =>
        """
        usage: charrnn corpora list [--data-dir DIR]
               charrnn corpora fetch NAME [--data-dir DIR] [--force] [--retrust]
               charrnn corpora path ID [--data-dir DIR]

          list     every corpus: bundled (generated on first use), catalogue classics
                   (downloaded or not), uploads, and this repository's own source
          fetch    download a catalogue corpus (tiny-shakespeare, enwik8, ...) with progress;
                   an interrupted download resumes when run again; the file is checked
                   against a pinned SHA-256 or the one recorded at its first download
          path     make a corpus available (generate / build it) and print its file path

          --data-dir DIR  data directory (default: $CHARRNN_DATA, else ~/.local/share/CharRnnLab)
          --force         download again even if the corpus is already there
          --retrust       forget the checksum recorded at the first download, trust this one
        """;

    public async Task<int> RunAsync(ArgReader args, TextWriter stdout, TextWriter stderr)
    {
        string verb = args.Positional.Count > 0 ? args.Positional[0] : throw new UsageException("say what to do: list, fetch NAME or path ID.");
        var library = new CorpusLibrary(args.String("data-dir") ?? DataDirectory.Default());
        switch (verb)
        {
            case "list":
                args.EnsureAllUsed(maxPositional: 1);
                List(library, stdout);
                return CommandLine.Ok;
            case "fetch":
                bool force = args.Flag("force"), retrust = args.Flag("retrust");
                args.EnsureAllUsed(maxPositional: 2);
                return await FetchAsync(library, Argument(args, "fetch", "NAME"), force, retrust, stdout, stderr);
            case "path":
                args.EnsureAllUsed(maxPositional: 2);
                stdout.WriteLine(library.EnsureAvailable(Argument(args, "path", "ID")));
                return CommandLine.Ok;
            default:
                throw new UsageException($"unknown corpora action '{verb}' (use list, fetch or path).");
        }
    }

    private static string Argument(ArgReader args, string verb, string what) =>
        args.Positional.Count > 1 ? args.Positional[1] : throw new UsageException($"corpora {verb} needs {what}.");

    private static void List(CorpusLibrary library, TextWriter stdout)
    {
        stdout.WriteLine($"{"ID",-22} {"KIND",-10} {"SIZE",9}  {"STATUS",-11} NAME");
        foreach (var c in library.List())
        {
            string size = c.SizeBytes is { } bytes ? (c.Path is null ? "~" : "") + DownloadProgress.FormatBytes(bytes) : "?";
            string status = c.Available ? (c.Path is null ? "on demand" : "ready")
                : c.Kind == CorpusKinds.Catalog ? "not fetched" : "unavailable";
            stdout.WriteLine($"{c.Id,-22} {c.Kind,-10} {size,9}  {status,-11} {c.Name}");
        }
        stdout.WriteLine();
        stdout.WriteLine($"data directory: {library.DataDirectory}");
        stdout.WriteLine("fetch a catalogue corpus with: charrnn corpora fetch NAME");
    }

    private static async Task<int> FetchAsync(CorpusLibrary library, string name, bool force, bool retrust, TextWriter stdout, TextWriter stderr)
    {
        using var http = CreateHttpClient();
        using var interrupt = new CancellationTokenSource();
        ConsoleCancelEventHandler onCancel = (_, e) => { e.Cancel = true; interrupt.Cancel(); };
        Console.CancelKeyPress += onCancel;
        try
        {
            if (retrust) library.Downloader(http).ForgetRecordedChecksum(name);
            var progress = new ProgressLine(stderr);
            var result = await library.FetchAsync(name, http, progress, force, interrupt.Token);
            progress.Finish();
            Describe(result, stdout);
            return CommandLine.Ok;
        }
        catch (OperationCanceledException) when (interrupt.IsCancellationRequested)
        {
            stderr.WriteLine($"\ninterrupted: the partial download of {name} is kept; run the same command again to resume it.");
            return CommandLine.Interrupted;
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }
    }

    private static void Describe(DownloadResult result, TextWriter stdout)
    {
        if (result.AlreadyPresent)
        {
            stdout.WriteLine($"{result.Name} is already downloaded: {result.Path} ({result.SizeBytes:N0} bytes; --force downloads it again)");
            return;
        }
        stdout.WriteLine($"fetched {result.Name}{(result.Resumed ? " (resumed)" : "")}: {result.SizeBytes:N0} bytes -> {result.Path}");
        stdout.WriteLine("checksum: " + result.Check switch
        {
            ChecksumCheck.Pinned => $"pinned SHA-256 verified ({result.Sha256})",
            ChecksumCheck.TrustOnFirstUseRecorded => $"trust on first use, SHA-256 recorded ({result.Sha256}); later downloads must match it",
            _ => $"trust on first use, verified: SHA-256 matches the first download ({result.Sha256})",
        });
    }

    private static HttpClient CreateHttpClient()
    {
        var http = new HttpClient(new SocketsHttpHandler { ConnectTimeout = TimeSpan.FromSeconds(20) })
        {
            Timeout = TimeSpan.FromSeconds(60), // until the headers; the body has the downloader's stall timeout
        };
        http.DefaultRequestHeaders.UserAgent.ParseAdd("CharRnnLab/1.0");
        return http;
    }

    /// <summary>
    /// Download progress on stderr: one line rewritten in place on a terminal, otherwise a line
    /// every few seconds. Reports arrive on the downloading thread and are written at once.
    /// </summary>
    private sealed class ProgressLine(TextWriter stderr) : IProgress<DownloadProgress>
    {
        private readonly bool _inPlace = ReferenceEquals(stderr, Console.Error) && !Console.IsErrorRedirected;
        private DateTime _lastLine = DateTime.MinValue;
        private DownloadProgress? _unwritten;

        public void Report(DownloadProgress value)
        {
            if (_inPlace) { stderr.Write($"\r{value,-79}"); _unwritten = value; return; }
            _unwritten = value;
            if (DateTime.UtcNow - _lastLine < TimeSpan.FromSeconds(3)) return;
            _lastLine = DateTime.UtcNow;
            stderr.WriteLine(value);
            _unwritten = null;
        }

        /// <summary>Ends the in-place line, or writes the final state if it was not written yet.</summary>
        public void Finish()
        {
            if (_inPlace) { if (_unwritten is not null) stderr.WriteLine(); }
            else if (_unwritten is not null) stderr.WriteLine(_unwritten);
        }
    }
}
