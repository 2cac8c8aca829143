using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Nginx502Bot.Incidents.Tests.Infrastructure;

/// <summary>A tiny HttpListener on 127.0.0.1 serving whatever <c>render</c> returns for a path (null = 404).</summary>
public sealed class PageServer : IDisposable
{
    private readonly HttpListener listener = new();
    private readonly Func<Uri, Task<(int Status, string? Html)>> render;
    private readonly Task loop;

    public PageServer(Func<Uri, Task<(int Status, string? Html)>> render)
    {
        this.render = render;
        Port = FreePort();
        listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        listener.Start();
        loop = Task.Run(ServeAsync);
    }

    public int Port { get; }

    public string BaseUrl => $"http://127.0.0.1:{Port}";

    public void Dispose()
    {
        listener.Stop();
        listener.Close();
        loop.Wait(TimeSpan.FromSeconds(5));
    }

    private async Task ServeAsync()
    {
        while (listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            var (status, html) = await render(context.Request.Url!);
            context.Response.StatusCode = status;
            context.Response.ContentType = "text/html; charset=utf-8";
            var body = Encoding.UTF8.GetBytes(html ?? "");
            try
            {
                await context.Response.OutputStream.WriteAsync(body);
                context.Response.Close();
            }
            catch (Exception ex) when (ex is HttpListenerException or IOException)
            {
                // The browser hung up first (headless Chromium exits once it has the DOM, leaving e.g. its favicon
                // request unread): that response is dropped, the server goes on, as any web server would.
                context.Response.Abort();
            }
        }
    }

    private static int FreePort()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }
}
