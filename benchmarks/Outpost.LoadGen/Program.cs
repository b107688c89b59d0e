using Outpost.LoadGen;

// outpost-loadgen checkins --device-api URL --admin-api URL --admin-token T --ca-fingerprint HEX [--devices N] [--connections C] [--seconds S]
// outpost-loadgen ceiling-server            (minimal Kestrel mTLS endpoint returning a constant; prints its URL)
// outpost-loadgen ceiling --url URL [--connections C] [--seconds S]
// outpost-loadgen telemetry --device-api URL --admin-api URL --admin-token T [--connections C] [--seconds S] [--batch B]
return args.FirstOrDefault() switch
{
    "checkins" => await CheckInLoad.RunAsync(Args.Parse(args[1..])),
    "ceiling-server" => await CeilingServer.RunAsync(),
    "ceiling" => await CeilingLoad.RunAsync(Args.Parse(args[1..])),
    "telemetry" => await TelemetryLoad.RunAsync(Args.Parse(args[1..])),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: outpost-loadgen checkins|ceiling-server|ceiling|telemetry [--key value ...]");
    return 2;
}
