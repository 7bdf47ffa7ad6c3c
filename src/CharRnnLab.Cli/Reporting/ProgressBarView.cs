using CharRnnLab.Core.Training;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace CharRnnLab.Cli.Reporting;

/// <summary>
/// A run shown on a terminal: a Spectre.Console progress bar (iteration, loss, validation,
/// chars/s, ETA) redrawn in place, with evaluations, samples and checkpoints printed above it.
/// </summary>
internal sealed class ProgressBarView(IAnsiConsole console) : TextTrainingView
{
    private volatile ProgressTask? _bar; // set while WatchAsync shows it

    public override async Task WatchAsync(Task completion) =>
        await console.Progress()
            .AutoClear(false)
            .Columns(new ProgressBarColumn { Width = 24 }, new PercentageColumn(), new TaskDescriptionColumn { Alignment = Justify.Left })
            .StartAsync(async context =>
            {
                _bar = context.AddTask("starting…", maxValue: 1);
                if (Last is { } early) Draw(_bar, early); // iterations that ended before the bar existed
                try { await completion; }
                finally { _bar.StopTask(); }
            });

    protected override void Show(TrainingProgress p)
    {
        if (_bar is { } bar) Draw(bar, p);
        if (p.ValidationLoss is not null) Say(Describe(p)); // evaluations stay on screen above the bar
    }

    public override void Say(string line)
    {
        foreach (string part in line.Split('\n')) console.Write(new ClearedLine(part));
    }

    private static void Draw(ProgressTask bar, TrainingProgress p)
    {
        bar.MaxValue = p.TotalIterations;
        bar.Value = p.Iteration;
        bar.Description = Markup.Escape(Describe(p));
    }

    /// <summary>
    /// One line of text that first erases the terminal line it lands on: Spectre writes it where the
    /// bar was without clearing it, so a line shorter than the bar kept the bar's tail.
    /// </summary>
    private sealed class ClearedLine(string text) : IRenderable
    {
        private const string EraseLine = "\u001b[2K";
        private readonly IRenderable _text = new Text(text);

        public Measurement Measure(RenderOptions options, int maxWidth) => _text.Measure(options, maxWidth);

        public IEnumerable<Segment> Render(RenderOptions options, int maxWidth) =>
            [Segment.Control(EraseLine), .. _text.Render(options, maxWidth), Segment.LineBreak];
    }
}
