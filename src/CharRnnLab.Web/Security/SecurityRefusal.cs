namespace CharRnnLab.Web.Security;

/// <summary>Writes a security refusal as plain text: a status and a sentence that says what happened and what to do.</summary>
internal static class SecurityRefusal
{
    public static Task WriteAsync(HttpContext context, int status, string message)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/plain; charset=utf-8";
        return context.Response.WriteAsync(message + "\n");
    }
}
