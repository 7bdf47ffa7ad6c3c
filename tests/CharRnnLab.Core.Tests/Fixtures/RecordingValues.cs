using CharRnnLab.Core.Analysis.Recording;

namespace CharRnnLab.Core.Tests.Fixtures;

/// <summary>Every array of a (tiny) recording at once, read through its public API, to compare recordings whole.</summary>
internal static class RecordingValues
{
    public static IReadOnlyDictionary<(int Layer, ActivationKind Kind), float[]> AllValues(this ActivationRecording recording) =>
        recording.Arrays.ToDictionary(a => a, a => recording.Get(a.Layer, a.Kind));
}
