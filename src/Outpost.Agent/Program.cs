using Outpost.Agent.Cli;

return await AgentProgram.MainAsync(args, Environment.GetEnvironmentVariable, Console.Out, Console.Error);
