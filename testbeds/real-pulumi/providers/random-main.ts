import { RESOURCE_TYPES } from "../../../vocabulary";
/** `pulumi-resource-random` for the real-Pulumi test bed (pulumi-random cannot be built here). */
import { randomPassword } from "./random-password";
import { serve, standInProvider } from "./stand-in-provider";

serve(
    standInProvider("@pulumi/random", [
        {
            type: RESOURCE_TYPES.randomPassword,
            module: "@pulumi/random/randomPassword.js",
            handler: randomPassword,
        },
    ]),
);
