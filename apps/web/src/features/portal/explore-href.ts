import { BREAKDOWN_DIMENSIONS, type TBreakdownDimension } from '@budgetflow/domain';

/** The drill-down's view in the page's address: ?by=function&path=201,20103#explore — shareable as it is. */
export function exploreHref(by: TBreakdownDimension, path: readonly string[]): string {
  const params = new URLSearchParams({ by });
  if (path.length > 0) params.set('path', path.join(','));
  return `?${params.toString()}#explore`;
}

/** The view an address asks for; anything unknown reads as the top of 按功能分类. */
export function exploreOf(params: URLSearchParams): { by: TBreakdownDimension; path: string[] } {
  const by = params.get('by');
  const dimension = BREAKDOWN_DIMENSIONS.find((d) => d === by) ?? 'function';
  const path = (params.get('path') ?? '').split(',').filter((c) => /^[\w-]{1,40}$/.test(c));
  return { by: dimension, path };
}
