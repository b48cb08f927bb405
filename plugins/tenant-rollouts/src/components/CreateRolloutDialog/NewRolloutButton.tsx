import { useRouteRef } from '@backstage/core-plugin-api';
import { usePermission } from '@backstage/plugin-permission-react';
import { Button } from '@material-ui/core';
import AddIcon from '@material-ui/icons/Add';
import { tenantRolloutsCreatePermission } from '@waybill/plugin-tenant-rollouts-common';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { rolloutRouteRef } from '../../routes';
import { CreateRolloutDialog } from './CreateRolloutDialog';

/**
 * "New rollout", for users allowed to create rollouts (nothing for the others): opens the create
 * dialog and goes to the new rollout's board. `entityRef` fixes the entity, as on its tab.
 */
export function NewRolloutButton(props: { entityRef?: string }) {
  const { allowed } = usePermission({
    permission: tenantRolloutsCreatePermission,
  });
  const [open, setOpen] = useState(false);
  const navigate = useNavigate();
  const boardLink = useRouteRef(rolloutRouteRef);
  if (!allowed) return null;
  return (
    <>
      <Button
        variant="contained"
        color="primary"
        startIcon={<AddIcon />}
        onClick={() => setOpen(true)}
      >
        New rollout
      </Button>
      <CreateRolloutDialog
        open={open}
        entityRef={props.entityRef}
        onClose={() => setOpen(false)}
        onCreated={view => {
          setOpen(false);
          navigate(boardLink({ id: String(view.id) }));
        }}
      />
    </>
  );
}
