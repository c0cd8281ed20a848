// Shared set-up of the template library tests: templates of every scope, users of the roles that
// matter (admin, operator, pimpinan), the library screen mounted over the fake InboxService, and
// helpers to find the editor's parts.
import { act } from 'react';
import type { SessionUser } from '../../../../../src-shared/api/auth';
import type { Report } from '../../../../../src-shared/domain/report';
import type { Template } from '../../../../../src-shared/domain/template';
import {
  initialNavigationState,
  setLeaveGuard,
  useNavigationStore,
} from '../../../../../src-renderer/features/shell/navigation-store';
import { TemplateLibraryScreen } from '../../../../../src-renderer/features/templates/TemplateLibraryScreen';
import { resetTemplateLibraryStore } from '../../../../../src-renderer/features/templates/template-library-store';
import { InboxServiceProvider } from '../../../../../src-renderer/sync/inbox-context';
import type { FakeInboxService } from '../../../../support/fake-inbox-service';
import {
  adminUser,
  attach,
  click,
  fakeService,
  makeReport,
  mount,
  NOW,
  type Mounted,
} from '../inbox/inbox-fixtures';

export const operatorUser: SessionUser = {
  id: 'u-op',
  username: 'operator',
  displayName: 'Budi Santoso',
  role: 'operator_unit',
  agencyId: 'dinkes-yankes',
};

export const headUser: SessionUser = {
  id: 'u-head',
  username: 'pimpinan',
  displayName: 'Ibu Kepala',
  role: 'pimpinan',
  agencyId: 'prov',
};

export { adminUser };

type TemplateFields = Partial<Omit<Template, 'scope' | 'ownerId'>>;

export function agencyTemplate(id: string, fields: TemplateFields = {}): Template {
  return {
    id,
    scope: 'agency',
    kind: 'tindak_lanjut',
    name: `Template ${id}`,
    body: 'Laporan {{laporan.nomor}} sedang kami tindak lanjuti.',
    description: '',
    categoryIds: [],
    revision: 3,
    agencyId: 'prov',
    version: 48,
    updatedBy: 'u-admin',
    updatedAt: NOW - 86_400_000,
    ...fields,
  };
}

export function personalTemplate(
  id: string,
  ownerId: string,
  fields: TemplateFields = {},
): Template {
  return { ...agencyTemplate(id, fields), scope: 'personal', ownerId };
}

/** The library of most tests: agency and personal templates of three kinds and a snippet. */
export const libraryTemplates: Template[] = [
  agencyTemplate('tpl-verif', {
    kind: 'verifikasi',
    name: 'Laporan diterima',
    description: 'Konfirmasi bahwa laporan sudah diverifikasi',
  }),
  agencyTemplate('tpl-tunda', {
    kind: 'permintaan_informasi',
    name: 'Lengkapi lokasi',
    description: 'Meminta pelapor melengkapi alamat kejadian',
  }),
  agencyTemplate('tpl-tl', {
    kind: 'tindak_lanjut',
    name: 'Sedang diproses',
    description: 'Pemberitahuan bahwa unit sedang menangani',
  }),
  personalTemplate('tpl-mine', 'u-op', {
    kind: 'tindak_lanjut',
    name: 'Catatan saya',
    description: 'Versi pribadi untuk jalan rusak',
    agencyId: 'dinkes-yankes',
    updatedBy: 'u-op',
  }),
  personalTemplate('tpl-other', 'u-someone', { name: 'Milik orang lain' }),
  agencyTemplate('tpl-salam', {
    kind: 'cuplikan',
    name: 'salam_pembuka',
    body: 'Yth. {{pelapor.sapaan}},',
    description: 'Salam pembuka surat',
  }),
];

export interface LibraryHarness {
  readonly service: FakeInboxService;
  readonly mounted: Mounted;
  close(): void;
}

let ids = 0;

/** The library screen over a fake service holding `templates` and `reports`, as `user`. */
export async function mountLibrary(
  options: {
    user?: SessionUser;
    templates?: readonly Template[];
    reports?: readonly Report[];
  } = {},
): Promise<LibraryHarness> {
  const user = options.user ?? adminUser;
  const service = fakeService({
    user,
    templates: options.templates ?? libraryTemplates,
    reports: options.reports ?? [makeReport(0)],
  });
  // The inbox store in its initial state (no report open), keys and palette reset.
  const detach = await attach(service, user);
  detach();
  resetTemplateLibraryStore();
  setLeaveGuard(null);
  useNavigationStore.setState({ ...initialNavigationState(), view: 'templates' });
  const mounted = await mount(
    <InboxServiceProvider service={service}>
      <TemplateLibraryScreen
        user={user}
        deps={{ now: () => NOW, newId: () => `tpl-new-${String(++ids)}` }}
      />
    </InboxServiceProvider>,
  );
  return {
    service,
    mounted,
    close() {
      mounted.unmount();
      resetTemplateLibraryStore();
    },
  };
}

export const $ = (selector: string): HTMLElement | null =>
  document.querySelector<HTMLElement>(selector);
export const $$ = (selector: string): HTMLElement[] =>
  Array.from(document.querySelectorAll<HTMLElement>(selector));

export const listedNames = (): string[] =>
  $$('.template-list__item .template-list__name').map((el) => el.textContent);
export const editorForm = () => document.querySelector<HTMLFormElement>('form.template-editor');
export const bodyField = () => document.querySelector<HTMLTextAreaElement>('#template-body');
/** An input of the editor by name (name, description, kind…). */
export const field = (name: string): HTMLInputElement | null =>
  editorForm()?.querySelector<HTMLInputElement>(`[name="${name}"]`) ?? null;

export function buttonByText(text: string, root: ParentNode = document): HTMLButtonElement | null {
  const buttons = Array.from(root.querySelectorAll('button'));
  return buttons.find((b) => b.textContent.trim() === text) ?? null;
}

export async function openTemplate(id: string): Promise<void> {
  await click($(`[data-template-id="${id}"][role="option"]`));
}

/** Places the body's cursor (the selection a picker inserts at). */
export function setCursor(start: number, end = start): void {
  const body = bodyField();
  if (body === null) throw new Error('no body field');
  act(() => {
    body.focus();
    body.setSelectionRange(start, end);
  });
}
