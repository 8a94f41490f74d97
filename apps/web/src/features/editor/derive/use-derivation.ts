import type { Catalogue } from '@budgetflow/domain';
import { useEffect, useRef, useState } from 'react';
import type { TWorkingCopy } from '../working-copy';
import { DerivationClient, type TDerived } from './derivation-protocol';
import { inThreadDerivation, openDerivation, type TDerivationChannel } from './open-derivation';

interface TShown {
  /** the copy the tables and findings were derived from */
  copy: TWorkingCopy | null;
  derived: TDerived | null;
  failure: string | null;
}

/**
 * The working copy's tables and findings, derived off the page's thread after every change; null
 * until the first answer. `stale` while what is shown was derived from an older copy.
 */
export function useDerivation(copy: TWorkingCopy | null, catalogue: Catalogue | null): { derived: TDerived | null; stale: boolean } {
  const client = useRef<DerivationClient | null>(null);
  const asked = useRef<{ seq: number; copy: TWorkingCopy; catalogue: Catalogue } | null>(null);
  const [shown, setShown] = useState<TShown>({ copy: null, derived: null, failure: null });

  useEffect(() => {
    let channel: TDerivationChannel;
    const connect = (open: () => TDerivationChannel) => {
      channel = open();
      const derivations = new DerivationClient(channel.port, (seq, answer) => {
        const request = asked.current;
        if (request?.seq !== seq) return;
        setShown(answer.ok ? { copy: request.copy, derived: answer.derived, failure: null } : { copy: request.copy, derived: null, failure: answer.message });
      });
      client.current = derivations;
      // A channel opened again (the worker broke) is asked the latest edit again.
      const last = asked.current;
      if (last !== null) asked.current = { ...last, seq: derivations.request(last.copy, last.catalogue) };
    };
    const inThread = () => {
      channel.close();
      connect(inThreadDerivation);
    };
    connect(() => openDerivation(inThread));
    return () => {
      channel.close();
      client.current = null;
    };
  }, []);

  useEffect(() => {
    if (copy === null || catalogue === null || client.current === null) return;
    asked.current = { seq: client.current.request(copy, catalogue), copy, catalogue };
  }, [copy, catalogue]);

  // A derivation that throws is a bug of the domain: shown as an error, as a throw in render was.
  if (shown.failure !== null) throw new Error(`the budget's tables could not be derived: ${shown.failure}`);
  return { derived: shown.derived, stale: shown.copy !== copy };
}
