/** 集団検診の日程割当 (F02-01) for the 受診希望 screen: the preview and the allocation itself. */
import type { UnassignedReason } from '../../server/modules/adult-health/allocation.ts';
import type { AllocationResult } from '../../server/modules/adult-health/allocation-service.ts';
import { api, queryString } from './api.ts';

export type { AllocationResult };

/** Sessions from `fromDate` (YYYY-MM-DD), at one venue when `venueId` is given. */
export type AllocationOptions = { fromDate: string; venueId?: number };

/** Why a person could not be given a date (the screen's words). */
export const unassignedReasonLabels: Record<UnassignedReason, string> = {
  no_session: '希望の検診をすべて行う日程がありません',
  full: '定員に空きがありません',
};

export const previewAllocation = (fy: number, o: AllocationOptions) =>
  api.get<AllocationResult>(`/api/adult/preferences/${fy}/allocation${queryString(o)}`);

export const applyAllocation = (fy: number, o: AllocationOptions) =>
  api.post<AllocationResult>(`/api/adult/preferences/${fy}/allocation`, o);
