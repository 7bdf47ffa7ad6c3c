using System.Text.Json;
using CharRnnLab.Core.Interventions;
using CharRnnLab.Core.Sampling;

namespace CharRnnLab.Cli.Commands;

/// <summary>`charrnn sample` with interventions: the unedited and the edited continuation, where they part, and the KL between them.</summary>
internal sealed record PairedSampleReport(string Prime, PairedSample Sample, InterventionSet Interventions)
{
    public void WriteText(TextWriter o)
    {
        o.WriteLine("── unedited ──");
        o.WriteLine(Prime + Sample.PlainText);
        o.WriteLine($"── edited: {Interventions} ──");
        o.WriteLine(Prime + Sample.EditedText);
        o.WriteLine("──");
        o.WriteLine(Sample.FirstDivergence is int n
            ? $"First divergence at generated character {n} (0-based, after the prime)."
            : $"The continuations agree on all {Sample.Plain.Count} characters.");
        if (Sample.Kl.Length == 0) return;
        int peak = Array.IndexOf(Sample.Kl, Sample.Kl.Max());
        o.WriteLine($"KL(unedited ‖ edited) per character: mean {Sample.MeanKl:F4} nats, max {Sample.Kl[peak]:F4} at character {peak}; seed {Sample.Seed}.");
    }

    public void WriteJson(TextWriter o) => o.WriteLine(JsonSerializer.Serialize(new
    {
        prime = Prime,
        interventions = Interventions.All.Select(i => i.ToString()),
        seed = Sample.Seed,
        unedited = Sample.PlainText,
        edited = Sample.EditedText,
        firstDivergence = Sample.FirstDivergence,
        meanKl = Sample.MeanKl,
        kl = Sample.Kl.Select(k => Math.Round(k, 6)),
    }, NeuronsReport.JsonOptions));
}
