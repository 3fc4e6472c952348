using Allot.Cli;

return AllotApp.Run(args, Console.Out, Console.Error);
