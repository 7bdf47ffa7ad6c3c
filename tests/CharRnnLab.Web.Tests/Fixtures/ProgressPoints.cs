using CharRnnLab.Web.Contracts;

namespace CharRnnLab.Web.Tests.Fixtures;

/// <summary>Progress events for chart tests: a point of a 100,000-iteration run.</summary>
internal static class ProgressPoints
{
    public static ProgressEvent Point(int iteration, double loss, double? validation = null) =>
        new("run", iteration, 100_000, iteration / 100.0, loss, loss - 0.1, validation, 2e-3, 1.0, 1000, iteration, null);
}
