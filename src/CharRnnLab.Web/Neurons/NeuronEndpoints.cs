using System.IO.Compression;
using CharRnnLab.Core;
using CharRnnLab.Core.Analysis.Export;
using CharRnnLab.Core.Analysis.Ranking;
using CharRnnLab.Core.Analysis.Recording;

namespace CharRnnLab.Web.Neurons;

/// <summary>
/// HTTP endpoints over cached recordings (ids come from the Neurons page). Layers are numbered
/// from 1 here, as in exported files; kinds use their short names (tanh_cell, forget_gate, …).
/// <list type="bullet">
/// <item><c>GET /api/recordings/{id}/meta</c>: the client contract (<see cref="RecordingMeta"/>), JSON.</item>
/// <item><c>GET /api/recordings/{id}/text</c>: the text, UTF-8.</item>
/// <item><c>GET /api/recordings/{id}/guesses</c>: the top next-symbol guesses (binary, see <see cref="ActivationEncoding"/>).</item>
/// <item><c>GET /api/recordings/{id}/{layer}/{kind}</c>: one [characters × units] array, quantised.</item>
/// <item><c>GET /api/recordings/{id}/units/{unit}</c>: one unit in every layer and kind, quantised.</item>
/// <item><c>GET /api/recordings/{id}/influence/{position}</c>: what predicting that character depended on (<see cref="InfluenceOverlay"/>), JSON.</item>
/// <item><c>GET /api/recordings/{id}/export/html?layer=&amp;kind=&amp;unit=</c>: the coloured text as a self-contained HTML file.</item>
/// <item><c>GET /api/recordings/{id}/export/npy?layer=&amp;kind=</c>: one array as a NumPy .npy file.</item>
/// <item><c>GET /api/recordings/{id}/export/zip?csv=true</c>: every array (.npy, optionally .csv) and index.json, zipped.</item>
/// </list>
/// </summary>
public static class NeuronEndpoints
{
    public const string Prefix = "/api/recordings";
    private const string Binary = "application/octet-stream";

    public static IEndpointRouteBuilder MapNeuronEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(Prefix);
        group.MapGet("/{id}/meta", (string id, HttpRequest request, NeuronLab lab) =>
            With(lab, id, r => Immutable(Results.Json(RecordingMeta.For(r, $"{request.Scheme}://{request.Host}{request.PathBase}")))));
        group.MapGet("/{id}/text", (string id, NeuronLab lab) =>
            With(lab, id, r => Immutable(Results.Text(r.Recording.Text, "text/plain; charset=utf-8"))));
        group.MapGet("/{id}/guesses", (string id, NeuronLab lab) =>
            With(lab, id, r => Immutable(Results.Bytes(ActivationEncoding.Guesses(r.Recording.Guesses, r.Recording.Characters), Binary))));
        group.MapGet("/{id}/{layer:int}/{kind}", (string id, int layer, string kind, NeuronLab lab) =>
            With(lab, id, r => WithArray(r, layer, kind, (l, k) => Immutable(Results.Bytes(
                ActivationEncoding.Quantize(r.Recording.Get(l, k), r.Recording.Characters, r.Recording.Units), Binary)))));
        group.MapGet("/{id}/units/{unit:int}", (string id, int unit, NeuronLab lab) =>
            With(lab, id, r => unit < 0 || unit >= r.Recording.Units
                ? Results.NotFound($"There is no unit {unit}; the layers have units 0 to {r.Recording.Units - 1}.")
                : Immutable(Results.Bytes(ActivationEncoding.Unit(r.Recording, unit), Binary))));
        group.MapGet("/{id}/influence/{position:int}", async (string id, int position, NeuronLab lab, NeuronInfluence influence, CancellationToken cancel) =>
            lab.Find(id) is not { } r ? Expired() : await Refusable(async () => Results.Json(await influence.AtAsync(r, position, cancel))));
        group.MapGet("/{id}/export/html", (string id, int layer, string kind, int unit, NeuronLab lab) =>
            With(lab, id, r => WithArray(r, layer, kind, (l, k) => unit < 0 || unit >= r.Recording.Units
                ? Results.NotFound($"There is no unit {unit}.")
                : Results.File(System.Text.Encoding.UTF8.GetBytes(NeuronHtmlExport.Render(r, new CellId(l, k, unit))),
                    "text/html; charset=utf-8", NeuronHtmlExport.FileName(r, new CellId(l, k, unit))))));
        group.MapGet("/{id}/export/npy", (string id, int layer, string kind, NeuronLab lab) =>
            With(lab, id, r => WithArray(r, layer, kind, (l, k) => Results.File(Npy(r, l, k), Binary,
                $"charrnn-{r.RunId}-layer{l + 1}_{ActivationKinds.ShortName(k)}.npy"))));
        group.MapGet("/{id}/export/zip", async (string id, bool? csv, NeuronLab lab) =>
            lab.Find(id) is { } r ? await ZipAsync(r, csv ?? false) : Expired());
        return app;
    }

    private static IResult With(NeuronLab lab, string id, Func<NeuronRecording, IResult> found) =>
        lab.Find(id) is { } recording ? found(recording) : Expired();

    // A question the lab refuses (a position outside the text) answers 400 with the message.
    private static async Task<IResult> Refusable(Func<Task<IResult>> answer)
    {
        try { return await answer(); }
        catch (CharRnnException ex) { return Results.BadRequest(ex.Message); }
    }

    private static IResult Expired() => Results.NotFound(
        "This recording is no longer in memory (the lab keeps the most recent ones). Record the text again on the Neurons page.");

    private static IResult WithArray(NeuronRecording r, int layer, string kind, Func<int, ActivationKind, IResult> found)
    {
        if (!ActivationKinds.TryParse(kind, out var k) || !r.Recording.Has(layer - 1, k))
            return Results.NotFound($"The recording has no '{kind}' values for layer {layer}. It holds layers 1 to {r.Recording.Layers} " +
                $"and kinds {string.Join(", ", r.Recording.RecordedKinds.Select(ActivationKinds.ShortName))}.");
        return found(layer - 1, k);
    }

    // Content-addressed: the same id always has the same bytes, so the browser may keep them.
    private static IResult Immutable(IResult result) => new CacheFor(result);

    private sealed class CacheFor(IResult inner) : IResult
    {
        public Task ExecuteAsync(HttpContext context)
        {
            context.Response.Headers.CacheControl = "private, max-age=3600, immutable";
            return inner.ExecuteAsync(context);
        }
    }

    private static byte[] Npy(NeuronRecording r, int layer, ActivationKind kind)
    {
        using var stream = new MemoryStream();
        NpyWriter.Write(stream, r.Recording.Get(layer, kind), r.Recording.Characters, r.Recording.Units);
        return stream.ToArray();
    }

    /// <summary>Core's exporter writes the files to a temporary folder; the zip streams from a file deleted on close.</summary>
    private static async Task<IResult> ZipAsync(NeuronRecording r, bool csv)
    {
        string folder = Path.Combine(Path.GetTempPath(), "charrnn-export-" + Guid.NewGuid().ToString("N"));
        string zip = folder + ".zip";
        try
        {
            await Task.Run(() =>
            {
                RecordingExporter.Write(r.Recording, folder, csv, source: $"run {r.RunId} at iteration {r.Iteration}");
                ZipFile.CreateFromDirectory(folder, zip);
            });
        }
        finally
        {
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        }
        var stream = new FileStream(zip, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, FileOptions.DeleteOnClose);
        return Results.File(stream, "application/zip", $"charrnn-{r.RunId}-recording{(csv ? "-csv" : "")}.zip");
    }
}
