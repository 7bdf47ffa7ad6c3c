using CharRnnLab.Core.Training;

namespace CharRnnLab.Cli.Reporting;

/// <summary>A run shown in a log file or a pipe: a plain line on stderr per milestone, sample and checkpoint.</summary>
internal sealed class LineTrainingView(TextWriter stderr) : TextTrainingView
{
    protected override void Show(TrainingProgress p)
    {
        if (IsMilestone(p)) Say(Describe(p));
    }

    public override void Say(string line) => stderr.WriteLine(line);

    // An evaluation or the last iteration deserves a line; the iterations between do not.
    private static bool IsMilestone(TrainingProgress p) => p.ValidationLoss is not null || p.Iteration == p.TotalIterations;
}
