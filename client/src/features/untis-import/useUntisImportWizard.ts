import { useMutation } from '@urql/vue';
import { reactive, ref, watch } from 'vue';
import type { Ref } from 'vue';
import { UPLOAD_CONTEXT } from '@/api/client';
import { ApplyUntisImportDocument, PreviewUntisImportDocument } from '@/api/generated/graphql';
import type { ApplyUntisImportMutation, UntisImportOptionsInput } from '@/api/generated/graphql';
import { calendarDateOf } from '@/i18n/format-date';
import { mergeFiles } from './untis-files';
import type { UntisSummary } from './untis-summary';

export const WIZARD_STEPS = ['files', 'preview', 'confirm', 'result'] as const;
export type WizardStep = (typeof WIZARD_STEPS)[number];

export interface UntisImportChoices {
  /** null: automatic (the export's start on a first import, otherwise today) */
  validFrom: Date | null;
  createMissingTeachers: boolean;
  createMissingClasses: boolean;
}

export type UntisImportResult = ApplyUntisImportMutation['applyUntisImport'];

const DEFAULT_CHOICES: UntisImportChoices = { validFrom: null, createMissingTeachers: false, createMissingClasses: false };

/**
 * The import wizard: files and options → preview (dry run) → confirm and apply → result.
 * Files and options survive every failure, so the user can correct and try again.
 */
export function useUntisImportWizard(schoolId: Ref<string | null>) {
  const step = ref<WizardStep>('files');
  const files = ref<File[]>([]);
  const choices = reactive<UntisImportChoices>({ ...DEFAULT_CHOICES });
  const summary = ref<UntisSummary | null>(null);
  const result = ref<UntisImportResult | null>(null);
  const failure = ref<unknown>(null);

  const previewMutation = useMutation(PreviewUntisImportDocument);
  const applyMutation = useMutation(ApplyUntisImportDocument);

  const variables = () => {
    const options: UntisImportOptionsInput = {
      validFrom: choices.validFrom ? calendarDateOf(choices.validFrom) : null,
      createMissingTeachers: choices.createMissingTeachers,
      createMissingClasses: choices.createMissingClasses,
    };
    return { schoolId: schoolId.value ?? '', files: files.value, options };
  };

  function goTo(next: WizardStep): void {
    failure.value = null;
    step.value = next;
  }

  /** Runs the dry run (again, e.g. after a name was mapped) and shows its summary. */
  async function preview(): Promise<void> {
    failure.value = null;
    const response = await previewMutation.executeMutation(variables(), UPLOAD_CONTEXT);
    if (response.error || !response.data) {
      failure.value = response.error ?? new Error('Empty preview response');
      return;
    }
    summary.value = response.data.previewUntisImport.summary;
    step.value = 'preview';
  }

  async function apply(): Promise<void> {
    failure.value = null;
    const response = await applyMutation.executeMutation(variables(), UPLOAD_CONTEXT);
    if (response.error || !response.data) {
      failure.value = response.error ?? new Error('Empty import response');
      return;
    }
    result.value = response.data.applyUntisImport;
    step.value = 'result';
  }

  function addFiles(added: File[]): void {
    files.value = mergeFiles(files.value, added);
  }

  function removeFile(name: string): void {
    files.value = files.value.filter((file) => file.name !== name);
  }

  /** Back to step 1; the files and options stay unless the user starts over. */
  function restart(): void {
    summary.value = null;
    result.value = null;
    goTo('files');
  }

  function startOver(): void {
    files.value = [];
    Object.assign(choices, DEFAULT_CHOICES);
    restart();
  }

  // A preview belongs to one school: after a switch to another school the user previews again.
  watch(schoolId, restart);

  return {
    step, files, choices, summary, result, failure,
    isPreviewing: previewMutation.fetching, isApplying: applyMutation.fetching,
    goTo, preview, apply, addFiles, removeFile, startOver,
  };
}
