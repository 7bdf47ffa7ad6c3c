namespace CharRnnLab.Core.Checkpoints.Export;

/// <summary>Files the weights can be exported to, for PyTorch.</summary>
public enum ExportFormat
{
    /// <summary>safetensors: an 8-byte header length, a JSON header (names, shapes, offsets, metadata), raw little-endian data.</summary>
    Safetensors,
    /// <summary>PyTorch's own torch.save zip: <c>{"state_dict": {...}, "metadata": {...}}</c>.</summary>
    Pt,
}

public static class ExportFormats
{
    /// <summary>The names the CLI accepts, also the file extensions.</summary>
    public static readonly IReadOnlyList<string> Names = ["safetensors", "pt"];

    public static string Name(ExportFormat format) => Names[(int)format];

    public static string Extension(ExportFormat format) => "." + Name(format);

    public static bool TryParse(string name, out ExportFormat format)
    {
        int index = Names.ToList().FindIndex(n => n.Equals(name, StringComparison.OrdinalIgnoreCase));
        format = (ExportFormat)Math.Max(index, 0);
        return index >= 0;
    }
}
