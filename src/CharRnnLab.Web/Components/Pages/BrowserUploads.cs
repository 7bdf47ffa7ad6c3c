using CharRnnLab.Core.Corpora.Download;
using CharRnnLab.Web.Runs;
using Microsoft.AspNetCore.Components.Forms;

namespace CharRnnLab.Web.Components.Pages;

/// <summary>What the Corpora and Runs pages do with a file the browser hands over.</summary>
internal static class BrowserUploads
{
    /// <summary>
    /// Opens <paramref name="file"/> for reading within <paramref name="maxBytes"/>, refusing a larger one by
    /// name and size before a byte crosses the connection.
    /// </summary>
    /// <param name="file">The chosen file.</param>
    /// <param name="maxBytes">Lab:MaxUploadBytes.</param>
    /// <param name="remedy">The sentence that says what to do instead, e.g. "Raise Lab:MaxUploadBytes to import it."</param>
    /// <param name="cancel">Ends the read when the page closes.</param>
    public static Stream Open(IBrowserFile file, long maxBytes, string remedy, CancellationToken cancel)
    {
        if (file.Size > maxBytes)
            throw new LabException($"{file.Name} is {DownloadProgress.FormatBytes(file.Size)}; the upload limit is " +
                $"{DownloadProgress.FormatBytes(maxBytes)}. {remedy}");
        return file.OpenReadStream(maxBytes, cancel);
    }
}
