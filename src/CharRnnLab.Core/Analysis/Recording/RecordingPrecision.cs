namespace CharRnnLab.Core.Analysis.Recording;

/// <summary>How a recording stores its values. Reads always return float32.</summary>
public enum RecordingPrecision
{
    /// <summary>
    /// IEEE float16 (2 bytes a value, relative error ≤ 2⁻¹¹): half the memory, and the client
    /// quantises to bytes anyway. 100k characters of a 2×512 LSTM, every kind, fit in 1 GB.
    /// </summary>
    Half,
    /// <summary>float32 (4 bytes a value): exactly what the model computed, for comparisons to 1e-5.</summary>
    Single,
}
