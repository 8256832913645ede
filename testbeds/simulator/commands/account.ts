import type { DescribeAccountAttributesCommandInput } from "@aws-sdk/client-rds";
import { GREEN_QUOTAS } from "../../../vocabulary";
import { quotaMax, quotaUsed } from "../account-quotas";
import { handler, Handler } from "./context";

/**
 * DescribeAccountAttributes: the account's quotas in the region the call is sent to, each with its
 * `AccountQuotaName`, `Used` and `Max` (API_DescribeAccountAttributes; docs/aws-rules.md §8). The
 * simulator models the DB cluster and DB instance quotas only.
 */
const describeAccountAttributes = handler<DescribeAccountAttributesCommandInput>(({ store, region }) => ({
    AccountQuotas: GREEN_QUOTAS.map((quota) => ({
        AccountQuotaName: quota,
        Used: quotaUsed(store, region, quota),
        Max: quotaMax(store, region, quota),
    })),
}));

export const accountHandlers: Record<string, Handler> = { DescribeAccountAttributes: describeAccountAttributes };
