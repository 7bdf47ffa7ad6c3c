using CharRnnLab.Core.Model;

namespace CharRnnLab.Core.Checkpoints.Export;

/// <summary>
/// A checkpoint's weights for PyTorch, under PyTorch's parameter names (<see cref="ParameterLayout"/>),
/// with the vocabulary and model shape as metadata (<see cref="ExportMetadata"/>): docs/python.md
/// loads them into <c>nn.LSTM</c>/<c>nn.GRU</c>/<c>nn.RNN</c> with <c>load_state_dict</c>.
/// </summary>
public static class WeightsExporter
{
    /// <summary>Writes <paramref name="weights"/> to <paramref name="output"/>. <see cref="ExportFormat.Pt"/> builds
    /// libtorch tensors (call it on the compute lane); safetensors is managed code only.</summary>
    public static void Write(Stream output, ModelWeights weights, string corpusName, ExportFormat format)
    {
        var tensors = ParameterLayout.Of(weights);
        var metadata = ExportMetadata.Of(weights, corpusName);
        if (format == ExportFormat.Pt) PtWriter.Write(output, tensors, metadata);
        else SafetensorsWriter.Write(output, tensors, metadata);
    }

    /// <summary>Writes the weights of the checkpoint in <paramref name="checkpoint"/> (a run directory or a .crnn).</summary>
    public static void Write(Stream output, string checkpoint, ExportFormat format)
    {
        var meta = CheckpointFile.ReadMetadata(checkpoint);
        Write(output, CheckpointFile.LoadWeights(checkpoint), meta.CorpusName, format);
    }

    /// <summary>Exports the checkpoint in <paramref name="checkpoint"/> (a run directory or a .crnn) to the file
    /// <paramref name="path"/>, written under a temporary name and renamed, so a failure leaves no partial file.</summary>
    public static void Export(string checkpoint, ExportFormat format, string path)
    {
        string target = Path.GetFullPath(path);
        string temporary = $"{target}.{Guid.NewGuid():N}.tmp";
        try
        {
            using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write)) Write(file, checkpoint, format);
            File.Move(temporary, target, overwrite: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CharRnnException($"Cannot write {target}: {ex.Message} Choose a folder that exists and that you may write to.");
        }
        finally
        {
            if (File.Exists(temporary)) File.Delete(temporary);
        }
    }

    /// <summary>The file name an export of a run is offered under, e.g. charrnn-20260101-120000-ab12.safetensors.</summary>
    public static string FileName(string runId, ExportFormat format) => $"charrnn-{runId}{ExportFormats.Extension(format)}";
}
