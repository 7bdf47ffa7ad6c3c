using CharRnnLab.Core;
using CharRnnLab.Core.Checkpoints;
using CharRnnLab.Core.Checkpoints.Export;

namespace CharRnnLab.Web.Runs;

/// <summary>
/// <c>GET /api/runs/{id}/export.safetensors</c>: the run's latest checkpoint as safetensors for PyTorch
/// (docs/python.md), the Runs page's download button. Managed code only, so it never waits for the compute lane.
/// </summary>
public static class RunExportEndpoints
{
    public const string Prefix = "/api/runs";

    /// <summary>The download address of a run's weights.</summary>
    public static string SafetensorsUrl(string runId) => $"{Prefix}/{Uri.EscapeDataString(runId)}/export{ExportFormats.Extension(ExportFormat.Safetensors)}";

    public static IEndpointRouteBuilder MapRunExportEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet($"{Prefix}/{{id}}/export{ExportFormats.Extension(ExportFormat.Safetensors)}", async (string id, RunManager runs) =>
        {
            if (runs.Find(id) is null) return Results.NotFound($"There is no run '{id}'. Pick one on the Runs page.");
            string directory = runs.RunDirectory(id);
            if (!CheckpointFile.Exists(directory))
                return Results.NotFound($"Run '{id}' has no checkpoint yet: train it until one is saved, then download its weights.");
            try
            {
                var file = new MemoryStream();
                await Task.Run(() => WeightsExporter.Write(file, directory, ExportFormat.Safetensors));
                file.Position = 0;
                return Results.File(file, "application/octet-stream", WeightsExporter.FileName(id, ExportFormat.Safetensors));
            }
            catch (CharRnnException ex)
            {
                return Results.Problem(ex.Message, statusCode: StatusCodes.Status422UnprocessableEntity);
            }
        });
        return app;
    }
}
