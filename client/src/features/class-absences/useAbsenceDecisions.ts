import { useMutation } from '@urql/vue';
import type { OperationResult } from '@urql/core';
import { useToast } from 'primevue/usetoast';
import { ref } from 'vue';
import { useI18n } from 'vue-i18n';
import {
  ClassAbsencesCertificateReceivedDocument, ClassAbsencesDecideLeaveDocument, ClassAbsencesExcuseDocument,
  ClassAbsencesExcuseReceivedDocument, ClassAbsencesMarkUnexcusedDocument, ClassAbsencesResolveConflictDocument,
} from '@/api/generated/graphql';
import { useErrorMessage } from '@/i18n/error-message';
import { decisionFailure } from './decision-failure';

type Ref = { id: string; version: number };

/**
 * The class teacher's decisions about absences, with one way of reporting the outcome: a toast
 * when it worked; the server's refusal in `failure` (and which entry it names in `refusedId`);
 * on CONFLICT a note that the entry changed meanwhile, and `reload` fetches the current list.
 */
export function useAbsenceDecisions(reload: () => void) {
  const { t } = useI18n();
  const toast = useToast();
  const errorMessage = useErrorMessage();
  const failure = ref<string | null>(null);
  const refusedId = ref<string | null>(null);
  const busy = ref(false);

  const excuse = useMutation(ClassAbsencesExcuseDocument);
  const unexcused = useMutation(ClassAbsencesMarkUnexcusedDocument);
  const excuseReceived = useMutation(ClassAbsencesExcuseReceivedDocument);
  const certificate = useMutation(ClassAbsencesCertificateReceivedDocument);
  const leave = useMutation(ClassAbsencesDecideLeaveDocument);
  const conflict = useMutation(ClassAbsencesResolveConflictDocument);

  function clearFailure(): void {
    failure.value = null;
    refusedId.value = null;
  }

  async function run(send: () => Promise<OperationResult>, success: string): Promise<boolean> {
    clearFailure();
    busy.value = true;
    try {
      const result = await send();
      if (!result.error) {
        toast.add({ severity: 'success', summary: success, life: 4000 });
        reload();
        return true;
      }
      const reason = decisionFailure(result.error);
      if (reason.kind === 'conflict') {
        failure.value = t('classAbsences.decisions.conflict');
        reload();
      } else if (reason.kind === 'refused') {
        failure.value = reason.message;
        refusedId.value = reason.absenceId;
      } else {
        failure.value = errorMessage(reason.error);
      }
      return false;
    } finally {
      busy.value = false;
    }
  }

  return {
    failure, refusedId, busy, clearFailure,
    excuse: (refs: Ref[]) => run(() => excuse.executeMutation({ absences: refs }), t('classAbsences.decisions.excused', refs.length)),
    markUnexcused: (refs: Ref[]) =>
      run(() => unexcused.executeMutation({ absences: refs }), t('classAbsences.decisions.unexcused', refs.length)),
    recordExcuse: (ref: Ref) => run(() => excuseReceived.executeMutation(ref), t('classAbsences.decisions.excuseReceived')),
    recordCertificate: (ref: Ref) => run(() => certificate.executeMutation(ref), t('classAbsences.decisions.certificateReceived')),
    decideLeave: (ref: Ref, approve: boolean) =>
      run(() => leave.executeMutation({ ...ref, approve }), t(approve ? 'classAbsences.decisions.leaveApproved' : 'classAbsences.decisions.leaveRejected')),
    resolveConflict: (ref: Ref, confirm: boolean) =>
      run(
        () => conflict.executeMutation({ absenceId: ref.id, version: ref.version, confirm }),
        t(confirm ? 'classAbsences.decisions.conflictConfirmed' : 'classAbsences.decisions.registerCorrected'),
      ),
  };
}
