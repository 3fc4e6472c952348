using System.Net;
using System.Net.Sockets;

namespace Allot.Server.Tests.Postgres;

/// <summary>A loopback TCP relay in front of the real PostgreSQL server that can be shut (every connection cut,
/// new ones refused) and opened again on the same port: the database going away and coming back.</summary>
internal sealed class TcpGate : IDisposable
{
    private readonly IPEndPoint _target;
    private readonly List<TcpClient> _open = [];
    private TcpListener? _listener;
    private CancellationTokenSource _cts = new();

    public TcpGate(string host, int port)
    {
        _target = new IPEndPoint(IPAddress.Parse(host == "localhost" ? "127.0.0.1" : host), port);
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        Port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        Open();
    }

    public int Port { get; }

    public void Open()
    {
        _cts = new CancellationTokenSource();
        _listener = new TcpListener(IPAddress.Loopback, Port);
        _listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        _listener.Start();
        _ = Accept(_listener, _cts.Token);
    }

    public void Shut()
    {
        _cts.Cancel();
        _listener?.Stop();
        lock (_open)
        {
            foreach (var c in _open) c.Dispose();
            _open.Clear();
        }
    }

    private async Task Accept(TcpListener listener, CancellationToken ct)
    {
        try
        {
            while (!ct.IsCancellationRequested)
            {
                var client = await listener.AcceptTcpClientAsync(ct);
                var upstream = new TcpClient();
                await upstream.ConnectAsync(_target, ct);
                lock (_open) { _open.Add(client); _open.Add(upstream); }
                _ = Pipe(client.GetStream(), upstream.GetStream(), ct);
                _ = Pipe(upstream.GetStream(), client.GetStream(), ct);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }
    }

    private static async Task Pipe(NetworkStream from, NetworkStream to, CancellationToken ct)
    {
        try
        {
            await from.CopyToAsync(to, ct);
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or ObjectDisposedException or SocketException)
        {
        }
    }

    public void Dispose() => Shut();
}
