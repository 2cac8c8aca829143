using System.Diagnostics;

namespace Nginx502Bot.Incidents.Tests.Infrastructure;

/// <summary>Debian's headless Chromium: loads a URL and returns the DOM after it rendered.</summary>
public static class Chromium
{
    public const string Path = "/usr/bin/chromium";

    public static async Task<string> DumpDomAsync(string url)
    {
        var profile = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "n502-chromium-" + Guid.NewGuid().ToString("N"));
        var start = new ProcessStartInfo(Path) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-dev-shm-usage",
                     $"--user-data-dir={profile}", "--dump-dom", url })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            var dom = process.StandardOutput.ReadToEndAsync(timeout.Token);
            _ = process.StandardError.ReadToEndAsync(timeout.Token);
            await process.WaitForExitAsync(timeout.Token);
            return await dom;
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }

            if (Directory.Exists(profile))
            {
                Directory.Delete(profile, recursive: true);
            }
        }
    }
}
