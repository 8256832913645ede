import {
    AccountQuota,
    DescribeAccountAttributesCommand,
    DescribeAccountAttributesCommandOutput,
} from "@aws-sdk/client-rds";
import { BlueGreenLimit, GREEN_QUOTAS, GreenQuota, QuotaShortfall } from "../../vocabulary";
import { RdsGateway } from "../gateway";
import { MemberTopology } from "./types";

/*
 * The account quotas a blue/green deployment draws on in each member's region (vocabulary
 * GREEN_QUOTAS; docs/aws-rules.md §8). DescribeAccountAttributes reports each quota's `Used` and
 * `Max` for the account in the region it is sent to.
 */

/** What the green copy of `member` adds to each quota of its region. */
export function greenNeeds(member: Pick<MemberTopology, "instanceIds">): Record<GreenQuota, number> {
    return { DBClusters: 1, DBInstances: member.instanceIds.length };
}

/** The quotas among `quotas` that `needs` would pass (pure). A quota AWS does not report is not judged. */
export function shortfalls(quotas: readonly AccountQuota[], needs: Record<GreenQuota, number>): QuotaShortfall[] {
    return GREEN_QUOTAS.flatMap((quota) => {
        const q = quotas.find((a) => a.AccountQuotaName === quota);
        if (q?.Used === undefined || q.Max === undefined) return [];
        return q.Used + needs[quota] > q.Max ? [{ quota, used: q.Used, max: q.Max, needed: needs[quota] }] : [];
    });
}

/** DescribeAccountAttributes in `region`: the account's RDS quotas there. */
export async function accountQuotas(api: RdsGateway, region: string): Promise<AccountQuota[]> {
    const out = await api.send<DescribeAccountAttributesCommandOutput>(
        region,
        new DescribeAccountAttributesCommand({}),
    );
    return out.AccountQuotas ?? [];
}

/**
 * The member's limits and shortfalls once its region's quotas are known: any shortfall is the
 * `account-quota` limit; none changes nothing (`quotaShortfalls` empty: read, room enough).
 */
export function withQuotaLimit(
    member: Pick<MemberTopology, "blueGreenLimits">,
    found: readonly QuotaShortfall[],
): Pick<MemberTopology, "blueGreenLimits" | "quotaShortfalls"> {
    if (found.length === 0) return { quotaShortfalls: [] };
    const limits: readonly BlueGreenLimit[] = member.blueGreenLimits ?? [];
    return {
        blueGreenLimits: limits.includes("account-quota") ? limits : [...limits, "account-quota"],
        quotaShortfalls: [...found],
    };
}
