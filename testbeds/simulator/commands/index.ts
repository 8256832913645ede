import { Handler } from "./context";
import { accountHandlers } from "./account";
import { blueGreenHandlers } from "./blue-green";
import { deleteHandlers } from "./delete";
import { createHandlers } from "./create";
import { describeHandlers } from "./describe";
import { instanceHandlers } from "./instances";
import { maintenanceHandlers } from "./maintenance";
import { modifyDBCluster } from "./modify-cluster";
import { modifyGlobalCluster } from "./modify-global";
import { parameterGroupHandlers } from "./parameter-groups";
import { proxyHandlers } from "./proxies";
import { snapshotHandlers } from "./snapshots";
import { switchoverHandlers } from "./switchover";
import { tagHandlers } from "./tags";

export type { Handler, HandlerContext } from "./context";

/** Every RDS operation the simulator implements, by name (without the `Command` suffix). */
export const HANDLERS: Readonly<Record<string, Handler>> = {
    ...describeHandlers,
    ModifyDBCluster: modifyDBCluster,
    ModifyGlobalCluster: modifyGlobalCluster,
    ...maintenanceHandlers,
    ...snapshotHandlers,
    ...parameterGroupHandlers,
    ...instanceHandlers,
    ...tagHandlers,
    ...blueGreenHandlers,
    ...deleteHandlers,
    ...createHandlers,
    ...switchoverHandlers,
    ...proxyHandlers,
    ...accountHandlers,
};
