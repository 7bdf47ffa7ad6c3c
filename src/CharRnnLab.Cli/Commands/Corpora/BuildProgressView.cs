using CharRnnLab.Cli.Reporting;
using CharRnnLab.Core.Corpora.Building;
using CharRnnLab.Core.Corpora.Download;
using Spectre.Console;

namespace CharRnnLab.Cli.Commands.Corpora;

/// <summary>
/// A corpus build's progress on stderr: a Spectre.Console bar on a terminal, otherwise a line every few
/// seconds. Reports arrive on the building thread; a view only formats and writes.
/// </summary>
internal abstract class BuildProgressView : IProgress<BuildProgress>
{
    public static BuildProgressView For(TextWriter stderr) => Terminal.IsInteractive(stderr)
        ? new Bar(AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(stderr) }))
        : new Lines(TextWriter.Synchronized(stderr));

    public abstract void Report(BuildProgress value);

    /// <summary>Shows the build until <paramref name="build"/> ends.</summary>
    public virtual Task WatchAsync(Task build) => build;

    /// <summary>"reading 12.3 MB of 140.1 MB: linux-6.6/kernel/sched/core.c" or "writing 812 of 4,310 files: …".</summary>
    public static string Describe(BuildProgress p)
    {
        string what = p.Stage == BuildStage.Reading
            ? $"reading {DownloadProgress.FormatBytes(p.Done)}{(p.Total is { } t ? $" of {DownloadProgress.FormatBytes(t)}" : "")}"
            : $"writing {p.Done:N0} of {p.Total:N0} files";
        return p.Path is null ? what : $"{what}: {p.Path}";
    }

    private sealed class Bar(IAnsiConsole console) : BuildProgressView
    {
        private volatile ProgressTask? _bar;
        private BuildProgress? _early;

        public override async Task WatchAsync(Task build) =>
            await console.Progress()
                .AutoClear(true)
                .Columns(new ProgressBarColumn { Width = 24 }, new PercentageColumn(), new TaskDescriptionColumn { Alignment = Justify.Left })
                .StartAsync(async context =>
                {
                    _bar = context.AddTask("starting…", maxValue: 1);
                    if (_early is { } early) Draw(_bar, early);
                    try { await build; }
                    finally { _bar.StopTask(); }
                });

        public override void Report(BuildProgress value)
        {
            if (_bar is { } bar) Draw(bar, value);
            else _early = value;
        }

        private static void Draw(ProgressTask bar, BuildProgress p)
        {
            bar.Value = p.Fraction ?? 0;
            bar.IsIndeterminate = p.Fraction is null;
            bar.Description = Markup.Escape(Describe(p));
        }
    }

    private sealed class Lines(TextWriter stderr) : BuildProgressView
    {
        private static readonly TimeSpan Every = TimeSpan.FromSeconds(3);
        private DateTime _last = DateTime.MinValue;
        private BuildStage? _stage;

        /// <summary>A line every few seconds, and the first of each stage.</summary>
        public override void Report(BuildProgress value)
        {
            if (value.Stage == _stage && DateTime.UtcNow - _last < Every) return;
            (_stage, _last) = (value.Stage, DateTime.UtcNow);
            stderr.WriteLine(Describe(value));
        }
    }
}
