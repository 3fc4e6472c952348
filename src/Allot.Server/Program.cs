using Allot.Server;

var app = AllotServer.Create(args);
app.Run();

/// <summary>The server's entry point (tests reach it through <c>WebApplicationFactory&lt;Program&gt;</c>).</summary>
internal partial class Program;
