using CharRnnLab.Core.Compute;
using CharRnnLab.Web.Hosting;
using Microsoft.Extensions.Options;

namespace CharRnnLab.Web.Runs;

/// <summary>
/// The lab's single compute lane. Every run's iterations and every sampling job are queued
/// here, so they interleave instead of competing for cores (libtorch's OpenMP threads spin);
/// two concurrent runs alternate iterations.
/// </summary>
public sealed class LabComputeLane(IOptions<LabOptions> options) : IDisposable
{
    public ComputeLane Lane { get; } = new(options.Value.EffectiveTrainingThreads, "charrnn-lab");

    public void Dispose() => Lane.Dispose();
}
