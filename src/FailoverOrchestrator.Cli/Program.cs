using FailoverOrchestrator.Cli;

return await CliCommands.RunAsync(args);
