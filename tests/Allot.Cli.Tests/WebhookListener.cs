using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Allot.Cli.Tests;

/// <summary>A real HTTP endpoint on the loopback interface for webhook tests: records each request's method, path,
/// content type and body, and answers with the status the test sets.</summary>
internal sealed class WebhookListener : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public WebhookListener()
    {
        _listener.Start();
        Url = $"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/hooks/digest";
        _loop = Task.Run(Serve);
    }

    public string Url { get; }

    public int Status { get; set; } = 200;

    public ConcurrentQueue<(string RequestLine, string ContentType, string Body)> Requests { get; } = new();

    private async Task Serve()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try { client = await _listener.AcceptTcpClientAsync(_stop.Token); }
            catch (OperationCanceledException) { return; }
            catch (ObjectDisposedException) { return; }
            using (client)
            {
                var stream = client.GetStream();
                var head = new List<byte>();
                while (!EndsWithBlankLine(head))
                {
                    int b = stream.ReadByte();
                    if (b < 0) break;
                    head.Add((byte)b);
                }
                var lines = Encoding.ASCII.GetString([.. head]).Split("\r\n");
                string Header(string name) => lines.FirstOrDefault(l => l.StartsWith(name + ":", StringComparison.OrdinalIgnoreCase))?[(name.Length + 1)..].Trim() ?? "";
                int length = int.TryParse(Header("Content-Length"), out int n) ? n : 0;
                var body = new byte[length];
                int read = 0;
                while (read < length) read += await stream.ReadAsync(body.AsMemory(read, length - read));
                Requests.Enqueue((lines[0], Header("Content-Type"), Encoding.UTF8.GetString(body)));
                byte[] answer = Encoding.ASCII.GetBytes($"HTTP/1.1 {Status} {(Status == 200 ? "OK" : "Error")}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
                await stream.WriteAsync(answer);
            }
        }
    }

    private static bool EndsWithBlankLine(List<byte> b) =>
        b.Count >= 4 && b[^4] == '\r' && b[^3] == '\n' && b[^2] == '\r' && b[^1] == '\n';

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        try { _loop.Wait(TimeSpan.FromSeconds(5)); } catch (AggregateException) { }
        _stop.Dispose();
    }
}
